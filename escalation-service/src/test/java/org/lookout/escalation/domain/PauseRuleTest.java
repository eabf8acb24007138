package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.escalation.domain.WorkingCalendarTest.SEEDED;
import static org.lookout.escalation.domain.WorkingCalendarTest.endOf;
import static org.lookout.escalation.domain.WorkingCalendarTest.shanghai;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pause rule on the seeded calendar: a pause gives back the working days whose 24:00 (Shanghai) passed while it
 * lasted, and a resumed clock's warning and due time move later by that many working days, at the same time of day.
 */
class PauseRuleTest {

    @ParameterizedTest(name = "paused {0}, resumed {1}: {2} working days")
    @CsvSource({
            // within one day: no 24:00 passes
            "2026-03-04T09:00, 2026-03-04T17:00, 0",
            // overnight: Wednesday's 24:00
            "2026-03-04T17:00, 2026-03-05T09:00, 1",
            // 24:00 passing exactly at the resumption counts; a pause from 00:00 does not give back the day before
            "2026-03-04T10:00, 2026-03-05T00:00, 1",
            "2026-03-05T00:00, 2026-03-05T23:00, 0",
            // over a weekend: Friday only
            "2026-03-06T17:00, 2026-03-09T09:00, 1",
            // Spring Festival 2026: Fri 13 Feb, the make-up Saturday 14 Feb and Tue 24 Feb; 15-23 Feb are off
            "2026-02-13T10:00, 2026-02-25T10:00, 3",
            // within the break: nothing
            "2026-02-16T10:00, 2026-02-20T18:00, 0",
            // year boundary: Wed 31 Dec 2025 and the make-up Sunday 4 Jan 2026; 1-3 Jan are off
            "2025-12-31T10:00, 2026-01-05T10:00, 2",
            // a resumption stamped before its pause gives back nothing
            "2026-03-05T10:00, 2026-03-04T10:00, 0",
    })
    void aPauseGivesBackTheWorkingDaysWhoseEndItSpans(String pausedAt, String resumedAt, int workingDays) {
        assertThat(SEEDED.workingDaysEnded(shanghai(pausedAt), shanghai(resumedAt))).isEqualTo(workingDays);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // a due time stays 24:00: end of Thu 26 Feb + 3 = Fri 27, the make-up Saturday 28 Feb, Mon 2 Mar
            "2026-02-27T00:00, 3, 2026-03-03T00:00",
            // a warning keeps its time of day: Wed 25 Feb 18:00 + 3 = Sat 28 Feb 18:00
            "2026-02-25T18:00, 3, 2026-02-28T18:00",
            // across the Spring Festival: Fri 13 Feb 12:00 + 2 = Tue 24 Feb 12:00
            "2026-02-13T12:00, 2, 2026-02-24T12:00",
            // nothing to give back: unchanged
            "2026-02-27T00:00, 0, 2026-02-27T00:00",
    })
    void aPointMovesLaterByWorkingDaysAtTheSameTimeOfDay(String point, int workingDays, String moved) {
        WorkingCalendar.Moved result = SEEDED.later(shanghai(point), workingDays);

        assertThat(result.at()).isEqualTo(shanghai(moved));
        assertThat(result.provisional()).isFalse();
    }

    @Test
    void aDueTimeMovedIntoAYearWithoutNoticeIsProvisional() {
        // end of Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 by the plain weekday rule, as no 2027 notice is loaded
        WorkingCalendar.Moved result = SEEDED.later(endOf("2026-12-31"), 1);

        assertThat(result.at()).isEqualTo(endOf("2027-01-01"));
        assertThat(result.provisional()).isTrue();
    }

    @Test
    void movingByTheDaysAPauseGaveBackIsTheDeadlineCountedWithoutThem() {
        // 5 working days from Thu 12 Feb 2026: Fri 13, Sat 14, Tue 24, Wed 25, Thu 26 Feb
        Instant acceptedAt = shanghai("2026-02-12T10:00");
        Deadline deadline = SEEDED.deadline(acceptedAt, 5);
        int givenBack = SEEDED.workingDaysEnded(shanghai("2026-02-13T10:00"), shanghai("2026-02-25T10:00"));

        assertThat(deadline.dueAt()).isEqualTo(endOf("2026-02-26"));
        // Fri 13, Sat 14 and Tue 24 did not count: Wed 25, Thu 26, Fri 27, Sat 28 and Mon 2 Mar do
        assertThat(SEEDED.later(deadline.dueAt(), givenBack).at()).isEqualTo(endOf("2026-03-02"));
        assertThat(SEEDED.deadline(acceptedAt, 5 + givenBack).dueAt()).isEqualTo(endOf("2026-03-02"));
    }
}
