package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working-day rule of ARCHITECTURE §6 on the calendar as seeded from tyme4j, checked against the official notices. */
class WorkingCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingCalendar SEEDED = seededCalendar();

    /** What the service stores at startup: every notice tyme4j carries, each year marked loaded. */
    static WorkingCalendar seededCalendar() {
        Map<LocalDate, WorkingCalendar.Entry> entries = new HashMap<>();
        StatutoryNotices.all().values().forEach(days -> days
                .forEach(day -> entries.put(day.date(), new WorkingCalendar.Entry(day.kind(), day.name()))));
        return new WorkingCalendar(SHANGHAI, entries, StatutoryNotices.all().keySet());
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant endOf(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    }

    @ParameterizedTest(name = "received {0} → due end of {2}")
    @CsvSource({
            // ARCHITECTURE §6 fixtures
            "2026-02-13T09:30, 1, 2026-02-14", // Friday → the Saturday make-up day (调休)
            "2026-02-14T09:30, 1, 2026-02-24", // Saturday make-up day → after the Spring Festival break
            "2026-09-30T09:30, 1, 2026-10-08", // Wednesday → after the National Day break
            // year boundary: New Year 2026 off from 1 to 3 January, Sunday 4 January a make-up day
            "2025-12-31T17:00, 1, 2026-01-04",
            "2025-12-31T17:00, 2, 2026-01-05",
            // Spring Festival crossings, 2025 and 2026
            "2025-01-27T10:00, 1, 2025-02-05",
            "2025-01-24T10:00, 3, 2025-02-05", // Fri → Sun 26 Jan (make-up), Mon 27, then Wed 5 Feb
            "2026-02-13T09:30, 5, 2026-02-27",
            "2026-02-12T09:30, 3, 2026-02-24",
            // a plain week: Monday + 1 = Tuesday; Friday + 1 = Monday
            "2026-03-02T08:00, 1, 2026-03-03",
            "2026-03-06T08:00, 1, 2026-03-09",
            // the receipt day is the day in Shanghai: 23:59 still Friday, 00:00 already Saturday
            "2026-02-13T23:59:59, 1, 2026-02-14",
            "2026-02-14T00:00, 1, 2026-02-24",
    })
    void deadlineFollowsTheRule(String received, int workingDays, String dueDay) {
        Deadline deadline = SEEDED.deadline(shanghai(received), workingDays);

        assertThat(deadline.lastDay()).isEqualTo(LocalDate.parse(dueDay));
        assertThat(deadline.dueAt()).isEqualTo(endOf(dueDay));
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    void dueAtIsMidnightShanghaiAsAnInstant() {
        assertThat(SEEDED.deadline(Instant.parse("2026-02-13T01:30:00Z"), 1).dueAt())
                .isEqualTo(Instant.parse("2026-02-14T16:00:00Z"));
        // 16:30 UTC on Friday is already Saturday 00:30 in Shanghai
        assertThat(SEEDED.deadline(Instant.parse("2026-02-13T16:30:00Z"), 1).dueAt())
                .isEqualTo(Instant.parse("2026-02-24T16:00:00Z"));
    }

    @Test
    void everyDayOf2025And2026IsWhatTheNoticesSay() {
        List<String> wrong = new ArrayList<>();
        for (LocalDate date = LocalDate.of(2025, 1, 1); date.getYear() <= 2026; date = date.plusDays(1)) {
            WorkingCalendar.Day day = SEEDED.day(date);
            if (day.kind() != OfficialNotices.kind(date) || day.provisional()) {
                wrong.add(date + " is " + day.kind() + (day.provisional() ? " (provisional)" : "") + ", notice says "
                        + OfficialNotices.kind(date));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(SEEDED.days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))).hasSize(365 + 365);
    }

    @Test
    void everyDayOf2025And2026HasTheDeadlinesTheNoticesGive() {
        List<String> wrong = new ArrayList<>();
        for (LocalDate received = LocalDate.of(2025, 1, 1); received.getYear() <= 2026; received = received.plusDays(1)) {
            for (int workingDays : new int[] { 1, 3, 5 }) {
                LocalDate expected = received;
                int counted = 0;
                while (counted < workingDays && expected.getYear() <= 2026) {
                    expected = expected.plusDays(1);
                    if (expected.getYear() <= 2026 && OfficialNotices.isWorkingDay(expected)) {
                        counted++;
                    }
                }
                Deadline deadline = SEEDED.deadline(received.atTime(10, 0).atZone(SHANGHAI).toInstant(), workingDays);
                if (expected.getYear() > 2026) {
                    // counts into 2027, whose notice is not loaded: computed, but provisional
                    if (!deadline.provisional() || deadline.lastDay().getYear() != 2027) {
                        wrong.add(received + " +" + workingDays + " should count into 2027 provisionally: " + deadline);
                    }
                } else if (!deadline.lastDay().equals(expected) || deadline.provisional()
                        || !deadline.dueAt().equals(expected.plusDays(1).atStartOfDay(SHANGHAI).toInstant())) {
                    wrong.add(received + " +" + workingDays + " expected end of " + expected + ", got " + deadline);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aYearWithoutNoticeFailsClosedOnThePlainWeekdayRule() {
        // Wednesday 1 March 2028 + 1 → Thursday; Friday 3 March 2028 + 1 → Monday
        Deadline wednesday = SEEDED.deadline(shanghai("2028-03-01T10:00"), 1);
        Deadline friday = SEEDED.deadline(shanghai("2028-03-03T10:00"), 1);

        assertThat(wednesday.dueAt()).isEqualTo(endOf("2028-03-02"));
        assertThat(wednesday.provisional()).isTrue();
        assertThat(friday.dueAt()).isEqualTo(endOf("2028-03-06"));
        assertThat(friday.provisional()).isTrue();
        // 1 January 2028 (a Saturday) is a weekend day by the plain rule, flagged
        assertThat(SEEDED.day(LocalDate.of(2028, 1, 1)))
                .isEqualTo(new WorkingCalendar.Day(LocalDate.of(2028, 1, 1), DayKind.WEEKEND, null, true));
        assertThat(SEEDED.loaded(2028)).isFalse();
    }

    @Test
    void aDeadlineThatCountsIntoAnUnloadedYearIsProvisional() {
        Deadline deadline = SEEDED.deadline(shanghai("2026-12-31T10:00"), 1);

        assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(deadline.provisional()).isTrue();
    }

    @Test
    void anAdministratorsOverrideWins() {
        Map<LocalDate, WorkingCalendar.Entry> entries = new HashMap<>();
        entries.put(LocalDate.of(2026, 3, 3), new WorkingCalendar.Entry(DayKind.HOLIDAY, "typhoon"));
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, entries, java.util.Set.of(2026));

        assertThat(calendar.deadline(shanghai("2026-03-02T10:00"), 1).lastDay()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void theWarningPointIsAShareOfTheWorkingTime() {
        // 1 working day from Friday 13 Feb 2026: the counted day is Saturday 14th (make-up), 75 % of it is 18:00
        assertThat(SEEDED.pointInWorkingTime(shanghai("2026-02-13T09:30"), 1, 0.75)).isEqualTo(shanghai("2026-02-14T18:00"));
        // received Saturday 14th: the one working day is Tuesday 24th; the holiday in between does not count
        assertThat(SEEDED.pointInWorkingTime(shanghai("2026-02-14T09:30"), 1, 0.75)).isEqualTo(shanghai("2026-02-24T18:00"));
        // 5 working days across the break: 3.75 days = 14th, 24th, 25th, and 18:00 on the 26th
        assertThat(SEEDED.pointInWorkingTime(shanghai("2026-02-13T09:30"), 5, 0.75)).isEqualTo(shanghai("2026-02-26T18:00"));
        // 100 % is the deadline itself
        assertThat(SEEDED.pointInWorkingTime(shanghai("2026-02-13T09:30"), 5, 1.0))
                .isEqualTo(SEEDED.deadline(shanghai("2026-02-13T09:30"), 5).dueAt());
    }

    @Test
    void refusesWhatIsNotADeadline() {
        assertThatThrownBy(() -> SEEDED.deadline(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SEEDED.pointInWorkingTime(Instant.now(), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHorizonIsTheLoadedYearsAndThisOneWidenedBothWays() {
        WorkingCalendar.Horizon horizon = SEEDED.horizon(2026, 10); // notices 2002 to 2026

        assertThat(horizon.firstYear()).isEqualTo(1992);
        assertThat(horizon.lastYear()).isEqualTo(2036);
        assertThat(SEEDED.horizon(2040, 10).lastYear()).as("a year later than every notice").isEqualTo(2050);
        assertThat(new WorkingCalendar(SHANGHAI, Map.of(), java.util.Set.of()).horizon(2026, 10))
                .as("nothing loaded yet").isEqualTo(new WorkingCalendar.Horizon(2016, 2036, SHANGHAI));
    }

    @Test
    void theHorizonHoldsInstantsByTheLocalYearAndFarOnesWithoutOverflow() {
        WorkingCalendar.Horizon horizon = SEEDED.horizon(2026, 10);

        assertThat(horizon.contains(shanghai("1992-01-01T00:00"))).isTrue();
        assertThat(horizon.contains(shanghai("1992-01-01T00:00").minusSeconds(1))).isFalse();
        assertThat(horizon.contains(shanghai("2036-12-31T23:59:59"))).isTrue();
        assertThat(horizon.contains(shanghai("2037-01-01T00:00"))).isFalse();
        assertThat(horizon.contains(Instant.MAX)).isFalse();
        assertThat(horizon.contains(Instant.MIN)).isFalse();
        assertThat(horizon.contains(LocalDate.MAX)).isFalse();
        assertThat(horizon.contains(LocalDate.of(2036, 12, 31))).isTrue();
    }
}
