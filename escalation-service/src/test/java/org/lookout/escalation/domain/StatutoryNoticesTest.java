package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class StatutoryNoticesTest {

    @Test
    void tyme4jCarriesTheNoticesFrom2002To2026() {
        assertThat(StatutoryNotices.all().firstKey()).isEqualTo(2002);
        assertThat(StatutoryNotices.all().lastKey()).isEqualTo(2026);
        assertThat(StatutoryNotices.all()).hasSize(25);
        assertThat(StatutoryNotices.of(2027)).isEmpty();
    }

    @Test
    void aDecemberMakeUpDayBelongsToTheNextYearsNotice() {
        // New Year 2024: 30 and 31 December 2023 were days off under the 2024 notice
        assertThat(StatutoryNotices.of(2024)).extracting(NoticeDay::date).contains(LocalDate.of(2023, 12, 30));
        assertThat(StatutoryNotices.of(2023)).extracting(NoticeDay::date).doesNotContain(LocalDate.of(2023, 12, 30));
    }

    @Test
    void the2026NoticeNamesItsMakeUpDays() {
        assertThat(StatutoryNotices.of(2026)).filteredOn(day -> day.kind() == DayKind.MAKEUP_WORKDAY)
                .extracting(NoticeDay::date)
                .containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    }
}
