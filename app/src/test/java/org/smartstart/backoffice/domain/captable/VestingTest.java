package org.smartstart.backoffice.domain.captable;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** EQ-6: cliff, installments, rounding down cumulatively, the last installment takes the remainder. */
class VestingTest {

    static final LocalDate START = LocalDate.parse("2026-01-15");
    static final VestingPolicy MONTHLY = new VestingPolicy(UUID.randomUUID(), null, "4y/1y monthly", 12, 48, VestingFrequency.MONTHLY);
    static final VestingPolicy QUARTERLY = new VestingPolicy(UUID.randomUUID(), null, "4y/1y quarterly", 12, 48, VestingFrequency.QUARTERLY);
    static final BigDecimal TEN = new BigDecimal("10.000");

    static BigDecimal vested(VestingPolicy p, String percent, LocalDate on) {
        return Vesting.vestedOn(new BigDecimal(percent), START, p, on);
    }

    @Test
    void nothing_before_the_start_or_the_cliff() {
        assertThat(vested(MONTHLY, "10.000", START.minusDays(1))).isEqualByComparingTo("0");
        assertThat(vested(MONTHLY, "10.000", START)).isEqualByComparingTo("0");
        assertThat(vested(MONTHLY, "10.000", START.plusMonths(12).minusDays(1))).isEqualByComparingTo("0");
    }

    @Test
    void at_the_cliff_the_elapsed_share() {
        assertThat(vested(MONTHLY, "10.000", START.plusMonths(12))).isEqualByComparingTo("2.500");
    }

    @Test
    void monthly_after_the_cliff_one_installment_per_month() {
        assertThat(vested(MONTHLY, "10.000", START.plusMonths(13))).isEqualByComparingTo("2.708"); // 10*13/48 = 2.7083
        assertThat(vested(MONTHLY, "10.000", START.plusMonths(13).plusDays(20))).isEqualByComparingTo("2.708");
    }

    @Test
    void quarterly_vests_only_on_whole_quarters() {
        assertThat(vested(QUARTERLY, "10.000", START.plusMonths(13))).isEqualByComparingTo("2.500");
        assertThat(vested(QUARTERLY, "10.000", START.plusMonths(14))).isEqualByComparingTo("2.500");
        assertThat(vested(QUARTERLY, "10.000", START.plusMonths(15))).isEqualByComparingTo("3.125");
    }

    @Test
    void rounding_is_down_and_the_last_installment_takes_the_remainder() {
        // 1.000% over 48 months: 47 months = 0.979166.. -> 0.979, the 48th brings the whole 1.000.
        assertThat(vested(MONTHLY, "1.000", START.plusMonths(47))).isEqualByComparingTo("0.979");
        assertThat(vested(MONTHLY, "1.000", START.plusMonths(48))).isEqualByComparingTo("1.000");
        assertThat(vested(MONTHLY, "1.000", START.plusMonths(60))).isEqualByComparingTo("1.000");
        var schedule = Vesting.schedule(new BigDecimal("1.000"), START, MONTHLY);
        assertThat(schedule).hasSize(37);
        assertThat(schedule.get(0).on()).isEqualTo(START.plusMonths(12));
        assertThat(schedule.get(schedule.size() - 1).vestedPercent()).isEqualByComparingTo("1.000");
    }

    @Test
    void no_policy_means_fully_vested_and_month_ends_count_as_a_month() {
        assertThat(Vesting.vestedOn(TEN, START, null, START.minusDays(3))).isEqualByComparingTo("10");
        VestingPolicy noCliff = new VestingPolicy(UUID.randomUUID(), null, "monthly", 0, 12, VestingFrequency.MONTHLY);
        assertThat(Vesting.vestedOn(new BigDecimal("12.000"), LocalDate.parse("2026-01-31"), noCliff, LocalDate.parse("2026-02-28")))
                .isEqualByComparingTo("1.000");
    }
}
