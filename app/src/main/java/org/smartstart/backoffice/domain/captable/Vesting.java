package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * EQ-6: how much of a vesting stake has vested on a date. The stake vests from the row's
 * effective_from: nothing before the cliff, at the cliff the share of the months elapsed, then one
 * installment per period (monthly or quarterly) until duration_months. The vested percent is the
 * cumulative share rounded DOWN to 0.001 (so the installments never add up to more than the stake),
 * and the last installment takes whatever remainder the rounding left.
 */
public final class Vesting {

    private static final int SCALE = 3;

    private Vesting() {
    }

    /** Vested percent of {@code percent} on {@code on}; the whole stake when there is no policy. */
    public static BigDecimal vestedOn(BigDecimal percent, LocalDate vestingStart, VestingPolicy policy, LocalDate on) {
        if (policy == null) {
            return percent.setScale(SCALE, RoundingMode.DOWN);
        }
        if (on.isBefore(vestingStart)) {
            return zero();
        }
        int duration = Math.max(0, policy.durationMonths());
        int cliff = Math.max(0, policy.cliffMonths());
        // Fully vested from start + duration on (the last installment takes the remainder); deciding that before
        // counting months also keeps the count away from the end of the calendar (a cap table viewed as of +999999999).
        if (!on.isBefore(vestingStart.plusMonths(duration))) {
            return percent.setScale(SCALE, RoundingMode.DOWN);
        }
        long elapsed = monthsElapsed(vestingStart, on);
        if (elapsed < cliff) {
            return zero();
        }
        int period = policy.frequency() == null ? 1 : policy.frequency().months();
        // Installments fall on whole periods from the start; the cliff itself always counts.
        long vestedMonths = Math.max(cliff, elapsed / period * period);
        if (vestedMonths >= duration) {
            return percent.setScale(SCALE, RoundingMode.DOWN);
        }
        return percent.multiply(BigDecimal.valueOf(vestedMonths))
                .divide(BigDecimal.valueOf(duration), SCALE, RoundingMode.DOWN);
    }

    /** One date on which more of the stake vests, and the cumulative vested percent from then on. */
    public record Installment(LocalDate on, BigDecimal vestedPercent) {
    }

    /** Every installment of a stake, cliff first, the last one bringing it to the whole stake. */
    public static List<Installment> schedule(BigDecimal percent, LocalDate vestingStart, VestingPolicy policy) {
        List<Installment> out = new ArrayList<>();
        if (policy == null) {
            out.add(new Installment(vestingStart, percent.setScale(SCALE, RoundingMode.DOWN)));
            return out;
        }
        int duration = Math.max(0, policy.durationMonths());
        int cliff = Math.min(Math.max(0, policy.cliffMonths()), duration);
        int period = policy.frequency() == null ? 1 : policy.frequency().months();
        BigDecimal previous = zero();
        for (int month = cliff; ; month++) {
            boolean installment = month == cliff || month % period == 0 || month >= duration;
            if (installment) {
                LocalDate day = vestingStart.plusMonths(month);
                BigDecimal vested = vestedOn(percent, vestingStart, policy, day);
                if (vested.compareTo(previous) > 0 || out.isEmpty()) {
                    out.add(new Installment(day, vested));
                    previous = vested;
                }
            }
            if (month >= duration) {
                return out;
            }
        }
    }

    /**
     * Whole months from start to on, counting a month as reached on start.plusMonths(n) (so a stake
     * starting on 31 January reaches its first month on 28 February, as the schedule shows it).
     */
    static long monthsElapsed(LocalDate start, LocalDate on) {
        long n = ChronoUnit.MONTHS.between(start, on);
        while (!start.plusMonths(n + 1).isAfter(on)) {
            n++;
        }
        return n;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }
}
