package org.lookout.escalation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tyme.holiday.LegalHoliday;

/**
 * The State Council holiday notices as the tyme4j library carries them (2002 to 2026 in 1.4.9). A notice belongs to the
 * year of the holidays it announces, so a make-up day in late December (2001-12-29 for New Year 2002) counts to the
 * following year's notice.
 */
public final class StatutoryNotices {

    /** Earlier than every notice tyme4j carries; the scan runs to a few years past today. */
    private static final int FIRST_SCANNED_YEAR = 1999;
    private static final int YEARS_AHEAD = 3;

    private StatutoryNotices() {
    }

    /** Every notice the library carries, by year, each with the days it names in date order. */
    public static SortedMap<Integer, List<NoticeDay>> all() {
        return Holder.NOTICES;
    }

    /** The days the notice of {@code year} names; empty when the library does not carry that notice. */
    public static List<NoticeDay> of(int year) {
        return Holder.NOTICES.getOrDefault(year, List.of());
    }

    /** The notice day on {@code date}, if a notice names it (a late-December make-up day belongs to the next year's). */
    public static Optional<NoticeDay> day(LocalDate date) {
        return Stream.of(of(date.getYear()), of(date.getYear() + 1))
                .flatMap(List::stream)
                .filter(day -> day.date().equals(date))
                .findFirst();
    }

    /** The library's data never changes while it runs: scanned once, on first use. */
    private static final class Holder {

        static final SortedMap<Integer, List<NoticeDay>> NOTICES = scan();

        private static SortedMap<Integer, List<NoticeDay>> scan() {
            SortedMap<Integer, List<NoticeDay>> notices = new TreeMap<>();
            LocalDate end = LocalDate.of(LocalDate.now().getYear() + YEARS_AHEAD, 12, 31);
            for (LocalDate date = LocalDate.of(FIRST_SCANNED_YEAR, 1, 1); !date.isAfter(end); date = date.plusDays(1)) {
                LegalHoliday holiday = LegalHoliday.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
                if (holiday != null) {
                    notices.computeIfAbsent(holiday.getTarget().getYear(), year -> new ArrayList<>())
                            .add(new NoticeDay(date, holiday.isWork() ? DayKind.MAKEUP_WORKDAY : DayKind.HOLIDAY,
                                    holiday.getName()));
                }
            }
            notices.replaceAll((year, days) -> List.copyOf(days));
            return Collections.unmodifiableSortedMap(notices);
        }
    }
}
