package org.smartstart.backoffice.persistence.captable;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change dates' hand-made ISO parser answers what LocalDate.parse answers. */
class IsoDayTest {

    @Test
    void every_day_from_1999_to_2101_reads_as_the_formatter_reads_it() {
        for (LocalDate day = LocalDate.of(1999, 1, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
            assertThat(JdbcCapTableStore.isoDay(day.toString())).isEqualTo(day);
        }
    }

    @Test
    void an_impossible_day_is_refused_like_the_formatter_refuses_it() {
        assertThatThrownBy(() -> JdbcCapTableStore.isoDay("2025-02-29")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> JdbcCapTableStore.isoDay("2025-13-01")).isInstanceOf(DateTimeException.class);
        assertThat(JdbcCapTableStore.isoDay("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void a_list_of_days_reads_as_the_formatter_reads_each_and_again_the_same_after_another_list() {
        java.util.List<LocalDate> days = new java.util.ArrayList<>();
        for (LocalDate day = LocalDate.of(2018, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusDays(3)) {
            days.add(day);
        }
        String text = String.join(",", days.stream().map(LocalDate::toString).toList());
        assertThat(JdbcCapTableStore.isoDays(text)).isEqualTo(days);
        assertThat(JdbcCapTableStore.isoDays("2024-02-29")).containsExactly(LocalDate.of(2024, 2, 29));
        assertThat(JdbcCapTableStore.isoDays(text)).isEqualTo(days);
        assertThat(JdbcCapTableStore.isoDays("")).isEmpty();
        assertThatThrownBy(() -> JdbcCapTableStore.isoDays("2025-02-29,2025-03-01")).isInstanceOf(DateTimeException.class);
    }
}
