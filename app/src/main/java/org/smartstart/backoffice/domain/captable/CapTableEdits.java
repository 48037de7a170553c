package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the edits of the common cap table changes from the current ledger, and applies edits to a
 * ledger for a preview. Every change is "close the open rows, add new ones" (EQ-5); the result still has
 * to pass {@link CapTablePolicy}, which explains what a builder cannot fix (a row that is already closed,
 * a stake that would break the owner floor).
 */
public final class CapTableEdits {

    private CapTableEdits() {
    }

    /**
     * From {@code from} on, each holder of {@code stakes} holds exactly that percent (zero: no longer a
     * holder); everyone else keeps their rows. A holder's open row is closed the day before and a new
     * row starts on {@code from}, keeping its vesting policy. Also a backdated correction, when
     * {@code from} lies in the past.
     */
    public static List<LedgerEdit> restate(List<LedgerRow> ledger, Map<Holder, BigDecimal> stakes, LocalDate from) {
        List<LedgerEdit> edits = new ArrayList<>();
        for (Map.Entry<Holder, BigDecimal> e : stakes.entrySet()) {
            LedgerRow current = null;
            for (LedgerRow row : ledger) {
                if (row.holder().equals(e.getKey()) && row.effectiveOn(from)) {
                    current = row;
                }
            }
            BigDecimal stake = e.getValue();
            if (current != null && current.percent().compareTo(stake) == 0) {
                continue;
            }
            UUID vesting = null;
            LocalDate until = null;
            if (current != null) {
                edits.add(new LedgerEdit.Close(current.id(), from.minusDays(1)));
                vesting = current.vestingPolicyId();
                until = current.effectiveTo();
            }
            if (stake.signum() > 0) {
                edits.add(new LedgerEdit.Add(e.getKey(), Percent.of(stake), from, until, vesting));
            }
        }
        return edits;
    }

    /** The same as {@link #restate}, named for the screen's "backdated correction". */
    public static List<LedgerEdit> backdatedCorrection(List<LedgerRow> ledger, Map<Holder, BigDecimal> stakes, LocalDate from) {
        return restate(ledger, stakes, from);
    }

    /** {@code from} gives {@code percent} of its stake to {@code to} from {@code on} (a new holder or an existing one). */
    public static List<LedgerEdit> transfer(List<LedgerRow> ledger, Holder from, Holder to, BigDecimal percent, LocalDate on) {
        Map<Holder, BigDecimal> now = CapTable.stakesOn(ledger, on);
        Map<Holder, BigDecimal> stakes = new LinkedHashMap<>();
        stakes.put(from, now.getOrDefault(from, BigDecimal.ZERO).subtract(percent));
        stakes.put(to, now.getOrDefault(to, BigDecimal.ZERO).add(percent));
        return restate(ledger, stakes, on);
    }

    /** A new holder with {@code percent}, given by {@code from} (usually the owner). */
    public static List<LedgerEdit> addHolder(List<LedgerRow> ledger, Holder newHolder, BigDecimal percent, LocalDate on,
                                             Holder from) {
        return transfer(ledger, from, newHolder, percent, on);
    }

    /** The platform's (AliceSolutions) stake becomes {@code stake} from {@code on}; {@code counterparty} gives or takes the difference. */
    public static List<LedgerEdit> changePlatformStake(List<LedgerRow> ledger, BigDecimal stake, LocalDate on, Holder counterparty) {
        BigDecimal current = CapTable.stakesOn(ledger, on).getOrDefault(Holder.alice(), BigDecimal.ZERO);
        return transfer(ledger, counterparty, Holder.alice(), stake.subtract(current), on);
    }

    /**
     * {@code recipient} receives {@code percent} from {@code on} and every holder of that date (the
     * recipient too, if already one) is diluted pro rata. The diluted stakes are rounded to 0.001 by
     * largest remainder so the date still totals exactly 100.000 (ties: the platform, then by user id).
     */
    public static List<LedgerEdit> dilute(List<LedgerRow> ledger, Holder recipient, BigDecimal percent, LocalDate on) {
        return restate(ledger, dilutedStakes(CapTable.stakesOn(ledger, on), recipient, percent), on);
    }

    /** The stakes after diluting {@code before} pro rata for {@code percent} to {@code recipient}. */
    public static Map<Holder, BigDecimal> dilutedStakes(Map<Holder, BigDecimal> before, Holder recipient, BigDecimal percent) {
        BigDecimal remaining = Percent.HUNDRED.subtract(percent);
        BigDecimal totalBefore = before.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = totalBefore.multiply(remaining).divide(Percent.HUNDRED, 3, RoundingMode.HALF_UP);
        Map<Holder, BigDecimal> floors = new LinkedHashMap<>();
        Map<Holder, BigDecimal> remainders = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Holder, BigDecimal> e : before.entrySet()) {
            BigDecimal exact = e.getValue().multiply(remaining).divide(Percent.HUNDRED, 12, RoundingMode.DOWN);
            BigDecimal floor = exact.setScale(3, RoundingMode.DOWN);
            floors.put(e.getKey(), floor);
            remainders.put(e.getKey(), exact.subtract(floor));
            sum = sum.add(floor);
        }
        List<Holder> order = new ArrayList<>(floors.keySet());
        order.sort(Comparator.comparing((Holder h) -> remainders.get(h)).reversed()
                .thenComparing(h -> !h.platform())
                .thenComparing(h -> String.valueOf(h.userId())));
        BigDecimal step = new BigDecimal("0.001");
        for (int i = 0; sum.compareTo(target) < 0 && !order.isEmpty(); i = (i + 1) % order.size()) {
            floors.merge(order.get(i), step, BigDecimal::add);
            sum = sum.add(step);
        }
        Map<Holder, BigDecimal> after = new LinkedHashMap<>(floors);
        after.merge(recipient, Percent.of(percent), BigDecimal::add);
        return after;
    }

    /**
     * The ledger as it would be after {@code edits}: closed rows get their end date, added rows get new
     * ids, {@code at} and {@code by}. Closes of rows the ledger lacks are ignored (the use case reports
     * them as invalid input first).
     */
    public static List<LedgerRow> apply(List<LedgerRow> ledger, List<LedgerEdit> edits, Instant at, UUID by) {
        Map<UUID, Integer> index = new HashMap<>();
        List<LedgerRow> out = new ArrayList<>(ledger);
        for (int i = 0; i < out.size(); i++) {
            index.put(out.get(i).id(), i);
        }
        for (LedgerEdit edit : edits) {
            if (edit instanceof LedgerEdit.Close close) {
                Integer i = index.get(close.rowId());
                if (i != null) {
                    out.set(i, out.get(i).closedOn(close.effectiveTo()));
                }
            } else {
                LedgerEdit.Add add = (LedgerEdit.Add) edit;
                out.add(new LedgerRow(UUID.randomUUID(), add.holder(), add.percent(), add.effectiveFrom(), add.effectiveTo(),
                        add.vestingPolicyId(), at, by));
            }
        }
        return out;
    }

    /**
     * The first date on which {@code edits} change the cap table: an added row's first day, a closed row's
     * day after its new end. The cap table before it stays as it is. Null for no edits (or edits without dates).
     */
    public static LocalDate firstTouched(List<LedgerEdit> edits) {
        LocalDate first = null;
        for (LedgerEdit e : edits) {
            LocalDate d = e instanceof LedgerEdit.Close c ? (c.effectiveTo() == null ? null : c.effectiveTo().plusDays(1))
                    : e instanceof LedgerEdit.Add a ? a.effectiveFrom() : null;
            if (d != null && (first == null || d.isBefore(first))) {
                first = d;
            }
        }
        return first;
    }
}
