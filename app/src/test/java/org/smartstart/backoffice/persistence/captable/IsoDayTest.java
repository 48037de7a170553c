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
}
