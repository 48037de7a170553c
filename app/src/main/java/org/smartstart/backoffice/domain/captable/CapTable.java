package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A venture's cap table on one date, built from its ledger (EQ-5: any past date can be shown).
 *
 * @param aliceCap      the platform's ceiling (EQ-3)
 * @param activeHolds   applies_to of the venture's active legal holds
 * @param holders       platform first, then by percent (largest first) and name
 * @param total         sum of the holders' percents (100.000 when EQ-1 holds)
 * @param platformStake the platform's (AliceSolutions) percent
 * @param changeDates   every date on which the ledger changes, sorted: each row's effective_from and
 *                      the day after its effective_to
 * @param revision      the ledger revision this was read at; a change based on it names it, and is a
 *                      conflict when the ledger has changed since (see {@link #revisionOf})
 */
public record CapTable(UUID ventureId, String ventureName, LocalDate asOf, UUID ownerUserId, BigDecimal aliceCap,
                       List<String> activeHolds, List<CapTableHolder> holders, BigDecimal total,
                       BigDecimal platformStake, List<LocalDate> changeDates, String revision) {

    public CapTable {
        activeHolds = List.copyOf(activeHolds);
        holders = List.copyOf(holders);
        changeDates = List.copyOf(changeDates);
    }

    /**
     * The cap table of {@code venture} on {@code asOf} from the full ledger. Pure: the screen uses it
     * to preview a draft (the ledger with the draft's edits applied) before anything is saved.
     *
     * @param names    display names of users (holders); a missing one shows as "user &lt;id&gt;"
     * @param policies the vesting policies the rows refer to
     */
    public static CapTable on(VentureFacts venture, List<LedgerRow> ledger, Map<UUID, String> names,
                              Map<UUID, VestingPolicy> policies, LocalDate asOf) {
        return on(venture, ledger, names, policies, asOf, changeDates(ledger), revisionOf(ledger));
    }

    /**
     * The cap table on {@code asOf} from the rows effective that day (other rows are ignored), with the
     * whole ledger's change dates and revision worked out elsewhere (the database does, for a large ledger).
     */
    public static CapTable on(VentureFacts venture, List<LedgerRow> rows, Map<UUID, String> names,
                              Map<UUID, VestingPolicy> policies, LocalDate asOf, List<LocalDate> changeDates, String revision) {
        // One running line per holder, in the order the holders first appear: sized for one row per holder (the
        // usual case on one date), so 500 holders go in without rehashing or a list of rows each.
        Map<Holder, Line> byHolder = new LinkedHashMap<>(Math.max(16, rows.size() * 4 / 3 + 1));
        for (LedgerRow row : rows) {
            if (row.effectiveOn(asOf)) {
                Line line = byHolder.get(row.holder());
                if (line == null) {
                    line = new Line();
                    byHolder.put(row.holder(), line);
                }
                VestingPolicy p = row.vestingPolicyId() == null ? null : policies.get(row.vestingPolicyId());
                line.percent = line.percent.add(row.percent());
                line.vested = line.vested.add(Vesting.vestedOn(row.percent(), row.effectiveFrom(), p, asOf));
                line.policy = line.policy == null ? p : line.policy;
                line.ids.add(row.id());
            }
        }
        List<CapTableHolder> holders = new ArrayList<>(byHolder.size());
        BigDecimal total = Percent.ZERO;
        BigDecimal platform = Percent.ZERO;
        for (Map.Entry<Holder, Line> e : byHolder.entrySet()) {
            Holder holder = e.getKey();
            Line line = e.getValue();
            holders.add(new CapTableHolder(holder.type(), holder.userId(), nameOf(holder, names), Percent.of(line.percent),
                    Percent.of(line.vested), line.policy, line.ids));
            total = total.add(line.percent);
            if (holder.platform()) {
                platform = platform.add(line.percent);
            }
        }
        holders.sort(ORDER);
        return new CapTable(venture.ventureId(), venture.name(), asOf, venture.ownerUserId(), venture.aliceCap(),
                venture.activeHolds(), holders, Percent.of(total), Percent.of(platform), changeDates, revision);
    }

    /** A holder's rows on the date, summed as they are met. */
    private static final class Line {
        BigDecimal percent = Percent.ZERO;
        BigDecimal vested = Percent.ZERO;
        VestingPolicy policy;
        final List<UUID> ids = new ArrayList<>(1);
    }

    /** Platform first, then by percent (largest first) and name; written out, as it runs ~5,000 times per 500 holders. */
    private static final Comparator<CapTableHolder> ORDER = (a, b) -> {
        boolean aPlatform = a.holderType() == HolderType.ALICE;
        if (aPlatform != (b.holderType() == HolderType.ALICE)) {
            return aPlatform ? -1 : 1;
        }
        int byPercent = b.percent().compareTo(a.percent());
        return byPercent != 0 ? byPercent : a.displayName().compareTo(b.displayName());
    };

    /** Every date on which the cap table changes: each row's effective_from and the day after its effective_to. */
    public static List<LocalDate> changeDates(List<LedgerRow> ledger) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (LedgerRow row : ledger) {
            dates.add(row.effectiveFrom());
            if (row.effectiveTo() != null) {
                dates.add(row.effectiveTo().plusDays(1));
            }
        }
        return List.copyOf(dates);
    }

    /** Each holder's stake on {@code day}. */
    public static Map<Holder, BigDecimal> stakesOn(List<LedgerRow> ledger, LocalDate day) {
        Map<Holder, BigDecimal> stakes = new LinkedHashMap<>();
        for (LedgerRow row : ledger) {
            if (row.effectiveOn(day)) {
                stakes.merge(row.holder(), row.percent(), BigDecimal::add);
            }
        }
        return stakes;
    }

    /**
     * The ledger's revision: "&lt;rows&gt;-&lt;closed rows&gt;-&lt;fingerprint&gt;", where the fingerprint is the
     * XOR of one 64-bit hash per row (the first 8 bytes of sha256("&lt;id&gt;:&lt;effective_to or null&gt;;")), as
     * 16 hex digits. A change adds rows or closes rows (EQ-5 allows nothing else), so any change since a
     * cap table was read gives another revision, whoever made it. It is derived from the ledger itself and
     * needs no order, so the database keeps the same value up to date row by row as the ledger is written
     * (cap_table_revisions, V26) and both adapters agree on it.
     */
    public static String revisionOf(List<LedgerRow> ledger) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long fingerprint = 0;
        int closed = 0;
        for (LedgerRow row : ledger) {
            byte[] digest = sha.digest((row.id() + ":" + row.effectiveTo() + ";").getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (digest[i] & 0xFF);
            }
            fingerprint ^= h;
            closed += row.open() ? 0 : 1;
        }
        return ledger.size() + "-" + closed + "-" + HexFormat.of().toHexDigits(fingerprint);
    }

    static String nameOf(Holder holder, Map<UUID, String> names) {
        if (holder.platform()) {
            return "AliceSolutions (platform)";
        }
        String name = holder.userId() == null ? null : names.get(holder.userId());
        return name != null ? name : "user " + holder.userId();
    }
}
