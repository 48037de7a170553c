package org.smartstart.backoffice.domain.captable;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The cap table rules, pure: given a venture's facts and a full ledger (as it is, or as a draft would
 * make it), every broken rule with the date, the names and the figures. The database's triggers (V2)
 * refuse the same things with the same rule ids.
 * <ul>
 *   <li>EQ-1..EQ-3 on every date from the first effective_from on. The cap table only changes on its
 *       change dates (each effective_from and the day after each effective_to), so a running sum over
 *       those dates covers every calendar day.</li>
 *   <li>EQ-4 shape of every row and one row per holder per date.</li>
 *   <li>EQ-5 and EQ-7 concern a change, not a state: {@link #checkEdits}.</li>
 * </ul>
 */
public final class CapTablePolicy {

    private final VentureFacts venture;
    private final Map<UUID, String> names;

    /** @param names display names of users, for the sentences ("user &lt;id&gt;" when missing) */
    public CapTablePolicy(VentureFacts venture, Map<UUID, String> names) {
        this.venture = venture;
        this.names = Map.copyOf(names);
    }

    /** Every rule the ledger breaks, dated rules in date order; empty when it keeps EQ-1..EQ-4. */
    public List<Rejection> check(List<LedgerRow> ledger) {
        return check(ledger, null);
    }

    /**
     * The same for a change whose first touched date is {@code from} (see {@link CapTableEdits#firstTouched}):
     * the dated rules only on dates from {@code from} on, each with the same explanation {@link #check(List)}
     * gives. A cap table before that date is the saved one, which the rules already hold for, so a change is
     * checked in full this way; {@code ledger} may even leave out rows that ended before {@code from}.
     * Null checks every date.
     */
    public List<Rejection> check(List<LedgerRow> ledger, LocalDate from) {
        List<Rejection> out = new ArrayList<>(shape(ledger));
        out.addAll(overlaps(ledger));
        List<Rejection> dated = datedInThousandths(ledger, from);
        out.addAll(dated != null ? dated : dated(ledger, from));
        return out;
    }

    /**
     * EQ-5 and EQ-7 for a change of {@code ledger}: nothing may be written under an equity hold, and a
     * close may only end an open row (on or after its start; that part is EQ-4). Rows the edits name but
     * the ledger lacks are the caller's to report as invalid input.
     */
    public List<Rejection> checkEdits(List<LedgerRow> ledger, List<LedgerEdit> edits) {
        List<Rejection> out = new ArrayList<>();
        if (venture.equityHeld() && !edits.isEmpty()) {
            out.add(holdRejection("cap table row"));
        }
        Map<UUID, LedgerRow> byId = new HashMap<>();
        ledger.forEach(r -> byId.put(r.id(), r));
        Map<UUID, Integer> closes = new HashMap<>();
        for (LedgerEdit edit : edits) {
            if (edit instanceof LedgerEdit.Close close) {
                LedgerRow row = byId.get(close.rowId());
                if (row == null) {
                    continue;
                }
                int times = closes.merge(row.id(), 1, Integer::sum);
                if (!row.open()) {
                    out.add(new Rejection("EQ-5", "The row of " + nameOf(row.holder()) + " (" + Percent.format(row.percent())
                            + " from " + row.effectiveFrom() + ") in the cap table of " + venture.name() + " was closed on "
                            + row.effectiveTo() + " and cannot be closed again or reopened; corrections are new rows (EQ-5)."));
                } else if (times == 2) {
                    out.add(new Rejection("EQ-5", "The row of " + nameOf(row.holder()) + " (" + Percent.format(row.percent())
                            + " from " + row.effectiveFrom() + ") in the cap table of " + venture.name()
                            + " is closed twice in one change; a row is closed once (EQ-5)."));
                }
            }
        }
        return out;
    }

    /** EQ-7's sentence for this venture's hold. */
    public Rejection holdRejection(String what) {
        return new Rejection("EQ-7", venture.name() + " is under a legal hold on "
                + (venture.activeHolds().contains("all") ? "all its records" : "its equity")
                + "; no " + what + " may be written while it is active (EQ-7).");
    }

    private List<Rejection> shape(List<LedgerRow> ledger) {
        List<Rejection> out = new ArrayList<>();
        for (LedgerRow row : ledger) {
            if (valid(row) && row.percent().signum() > 0 && row.percent().compareTo(Percent.HUNDRED) <= 0
                    && (row.holder().type() == HolderType.USER) == (row.holder().userId() != null)) {
                continue; // the common case: nothing to say, no sentence built
            }
            String what = "A cap table row of " + venture.name() + " (" + Percent.format(row.percent()) + " from "
                    + row.effectiveFrom() + ")";
            if (row.holder() == null || row.holder().type() == null) {
                out.add(new Rejection("EQ-4", what + " names no holder (EQ-4)."));
                continue;
            }
            if (row.holder().type() == HolderType.USER && row.holder().userId() == null) {
                out.add(new Rejection("EQ-4", what + " is for a user but names none (EQ-4)."));
            }
            if (row.holder().type() == HolderType.ALICE && row.holder().userId() != null) {
                out.add(new Rejection("EQ-4", what + " is the platform's (AliceSolutions) but names "
                        + nameOf(Holder.user(row.holder().userId())) + " (EQ-4)."));
            }
            if (row.percent() == null || row.percent().signum() <= 0 || row.percent().compareTo(Percent.HUNDRED) > 0) {
                out.add(new Rejection("EQ-4", what + " for " + nameOf(row.holder())
                        + " must hold more than 0.000% and at most 100.000% (EQ-4)."));
            }
            if (row.effectiveFrom() == null) {
                out.add(new Rejection("EQ-4", "A cap table row of " + venture.name() + " for " + nameOf(row.holder())
                        + " has no start date (EQ-4)."));
            } else if (row.effectiveTo() != null && row.effectiveTo().isBefore(row.effectiveFrom())) {
                out.add(new Rejection("EQ-4", "The row of " + nameOf(row.holder()) + " in the cap table of " + venture.name()
                        + " would end on " + row.effectiveTo() + ", before it starts on " + row.effectiveFrom()
                        + " (" + Percent.format(row.percent()) + ") (EQ-4)."));
            }
        }
        return out;
    }

    private List<Rejection> overlaps(List<LedgerRow> ledger) {
        Map<Holder, List<LedgerRow>> byHolder = new LinkedHashMap<>();
        for (LedgerRow row : ledger) {
            if (valid(row)) {
                byHolder.computeIfAbsent(row.holder(), h -> new ArrayList<>()).add(row);
            }
        }
        List<Rejection> out = new ArrayList<>();
        for (Map.Entry<Holder, List<LedgerRow>> e : byHolder.entrySet()) {
            List<LedgerRow> rows = e.getValue();
            rows.sort(Comparator.comparing(LedgerRow::effectiveFrom));
            LedgerRow longest = null;
            for (LedgerRow row : rows) {
                if (longest != null && (longest.effectiveTo() == null || !row.effectiveFrom().isAfter(longest.effectiveTo()))) {
                    out.add(new Rejection("EQ-4", "On " + row.effectiveFrom() + " " + nameOf(e.getKey())
                            + " would hold two rows of the cap table of " + venture.name() + " at once ("
                            + Percent.format(longest.percent()) + " from " + longest.effectiveFrom() + " and "
                            + Percent.format(row.percent()) + " from " + row.effectiveFrom() + ") (EQ-4)."));
                }
                if (longest == null || longest.effectiveTo() != null
                        && (row.effectiveTo() == null || row.effectiveTo().isAfter(longest.effectiveTo()))) {
                    longest = row;
                }
            }
        }
        return out;
    }

    private static final long HUNDRED = 100_000;
    private static final long OWNER_FLOOR = 35_000;

    /**
     * The running sums in whole thousandths of a percent (every stored percent has three decimals), the
     * sums of the change dates before {@code from} folded into one start value. Null when a percent has
     * more decimals, which {@link #dated} then sums exactly.
     */
    private List<Rejection> datedInThousandths(List<LedgerRow> ledger, LocalDate from) {
        long[] before = new long[3];
        TreeMap<LocalDate, long[]> events = new TreeMap<>();
        UUID ownerId = venture.ownerUserId();
        for (LedgerRow row : ledger) {
            if (!valid(row)) {
                continue;
            }
            long amount;
            try {
                amount = row.percent().scale() == 3 ? row.percent().unscaledValue().longValueExact()
                        : row.percent().movePointRight(3).longValueExact();
            } catch (ArithmeticException notThousandths) {
                return null;
            }
            int part = row.holder().type() == HolderType.ALICE ? 2
                    : row.holder().type() == HolderType.USER && ownerId != null && ownerId.equals(row.holder().userId()) ? 1 : 0;
            add(events, before, from, row.effectiveFrom(), amount, part);
            if (row.effectiveTo() != null) {
                add(events, before, from, row.effectiveTo().plusDays(1), -amount, part);
            }
        }
        // alice > cap ⇔ alice > floor(cap) for whole thousandths
        long cap = venture.aliceCap().movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        List<Rejection> out = new ArrayList<>();
        long total = before[0];
        long owner = before[1];
        long alice = before[2];
        for (Map.Entry<LocalDate, long[]> e : events.entrySet()) {
            LocalDate day = e.getKey();
            total += e.getValue()[0];
            owner += e.getValue()[1];
            alice += e.getValue()[2];
            if (total != HUNDRED || ownerId != null && owner < OWNER_FLOOR || alice > cap) {
                out.addAll(broken(day, BigDecimal.valueOf(total, 3), BigDecimal.valueOf(owner, 3), BigDecimal.valueOf(alice, 3)));
            }
        }
        return out;
    }

    private static void add(TreeMap<LocalDate, long[]> events, long[] before, LocalDate from, LocalDate day, long amount, int part) {
        long[] sums = from != null && day.isBefore(from) ? before : events.computeIfAbsent(day, d -> new long[3]);
        sums[0] += amount;
        if (part > 0) {
            sums[part] += amount;
        }
    }

    /** Running sums over the change dates: total, owner and platform on each; the broken rules per date. */
    private List<Rejection> dated(List<LedgerRow> ledger, LocalDate from) {
        TreeMap<LocalDate, BigDecimal[]> events = new TreeMap<>();
        for (LedgerRow row : ledger) {
            if (!valid(row)) {
                continue;
            }
            add(events, row.effectiveFrom(), row, BigDecimal.ONE);
            if (row.effectiveTo() != null) {
                add(events, row.effectiveTo().plusDays(1), row, BigDecimal.ONE.negate());
            }
        }
        List<Rejection> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal owner = BigDecimal.ZERO;
        BigDecimal alice = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal[]> e : events.entrySet()) {
            LocalDate day = e.getKey();
            total = total.add(e.getValue()[0]);
            owner = owner.add(e.getValue()[1]);
            alice = alice.add(e.getValue()[2]);
            if (from == null || !day.isBefore(from)) {
                out.addAll(broken(day, total, owner, alice));
            }
        }
        return out;
    }

    /** The dated rules broken on {@code day} by these sums, in rule order. */
    private List<Rejection> broken(LocalDate day, BigDecimal total, BigDecimal owner, BigDecimal alice) {
        List<Rejection> out = new ArrayList<>(1);
        {
            if (total.compareTo(Percent.HUNDRED) != 0) {
                out.add(new Rejection("EQ-1", "On " + day + " the cap table of " + venture.name() + " would total "
                        + Percent.format(total) + ", not 100% (EQ-1)."));
            }
            if (venture.ownerUserId() != null && owner.compareTo(Percent.OWNER_FLOOR) < 0) {
                out.add(new Rejection("EQ-2", "On " + day + " the owner " + nameOf(Holder.user(venture.ownerUserId()))
                        + " of " + venture.name() + " would hold " + Percent.format(owner) + ", below the "
                        + Percent.format(Percent.OWNER_FLOOR) + " floor (EQ-2)."));
            }
            if (alice.compareTo(venture.aliceCap()) > 0) {
                out.add(new Rejection("EQ-3", "On " + day + " the platform stake (AliceSolutions) of " + venture.name()
                        + " would be " + Percent.format(alice) + ", above its cap of " + Percent.format(venture.aliceCap())
                        + " (EQ-3)."));
            }
        }
        return out;
    }

    private void add(TreeMap<LocalDate, BigDecimal[]> events, LocalDate day, LedgerRow row, BigDecimal sign) {
        BigDecimal[] sums = events.computeIfAbsent(day, d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal amount = row.percent().multiply(sign);
        sums[0] = sums[0].add(amount);
        if (row.holder().type() == HolderType.USER && row.holder().userId() != null
                && row.holder().userId().equals(venture.ownerUserId())) {
            sums[1] = sums[1].add(amount);
        }
        if (row.holder().type() == HolderType.ALICE) {
            sums[2] = sums[2].add(amount);
        }
    }

    /** Rows whose shape is too broken to count (EQ-4 reports them) stay out of the dated sums. */
    private static boolean valid(LedgerRow row) {
        return row.holder() != null && row.holder().type() != null && row.percent() != null && row.effectiveFrom() != null
                && (row.effectiveTo() == null || !row.effectiveTo().isBefore(row.effectiveFrom()));
    }

    private String nameOf(Holder holder) {
        return holder == null ? "nobody" : CapTable.nameOf(holder, names);
    }
}
