package org.lookout.escalation.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working-day rule of ARCHITECTURE §6, over an immutable snapshot of the calendar: weekends off, statutory holidays
 * off, make-up days (调休) on. The day of receipt does not count; "within N working days" ends at 24:00 (local time) of
 * the N-th working day after the day of receipt. In a year without a loaded notice the plain Monday–Friday rule applies
 * and the answer is flagged provisional (fails closed: a deadline is always given, never silently trusted).
 */
public final class WorkingCalendar {

    /** A day as callers see it. {@code name} is the holiday's name or null; {@code provisional} when its year is not loaded. */
    public record Day(LocalDate date, DayKind kind, String name, boolean provisional) {
    }

    private final ZoneId zone;
    private final Map<LocalDate, Entry> entries;
    private final Set<Integer> loadedYears;

    /** An explicit calendar entry: a notice day or an administrator's override. */
    public record Entry(DayKind kind, String name) {
    }

    /** A point moved later in working time; {@code provisional} when a day passed over lies in a year not loaded. */
    public record Moved(Instant at, boolean provisional) {
    }

    /** The years, both included, whose days and deadlines are answered (the rest is refused, never computed). */
    public record Horizon(int firstYear, int lastYear, ZoneId zone) {

        public boolean contains(LocalDate date) {
            return date.getYear() >= firstYear && date.getYear() <= lastYear;
        }

        /** Compared as instants: a far instant has no local date (it overflows the year range of {@code LocalDate}). */
        public boolean contains(Instant instant) {
            return !instant.isBefore(LocalDate.of(firstYear, 1, 1).atStartOfDay(zone).toInstant())
                    && instant.isBefore(LocalDate.of(lastYear + 1, 1, 1).atStartOfDay(zone).toInstant());
        }

        public String describe() {
            return "must lie in the years " + firstYear + " to " + lastYear + " (" + zone + ")";
        }
    }

    public WorkingCalendar(ZoneId zone, Map<LocalDate, Entry> entries, Set<Integer> loadedYears) {
        this.zone = zone;
        this.entries = Map.copyOf(entries);
        this.loadedYears = Set.copyOf(loadedYears);
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<Integer> loadedYears() {
        return loadedYears;
    }

    public boolean loaded(int year) {
        return loadedYears.contains(year);
    }

    /**
     * The years answered: from the earliest to the latest of the loaded notices and {@code thisYear}, widened by
     * {@code marginYears} each way. Beyond it a date is no report's, and far enough out it overflows the date types.
     */
    public Horizon horizon(int thisYear, int marginYears) {
        int first = loadedYears.stream().mapToInt(Integer::intValue).min().orElse(thisYear);
        int last = loadedYears.stream().mapToInt(Integer::intValue).max().orElse(thisYear);
        return new Horizon(Math.min(first, thisYear) - marginYears, Math.max(last, thisYear) + marginYears, zone);
    }

    public Day day(LocalDate date) {
        Entry entry = entries.get(date);
        boolean provisional = !loaded(date.getYear());
        if (entry != null) {
            return new Day(date, entry.kind(), entry.name(), provisional);
        }
        return new Day(date, plainKind(date), null, provisional);
    }

    /** What the plain Monday–Friday rule says of a day, without any notice or override. */
    public static DayKind plainKind(LocalDate date) {
        return weekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    public boolean isWorkingDay(LocalDate date) {
        return day(date).kind().working();
    }

    /** Every day from {@code first} to {@code last}, both included. */
    public List<Day> days(LocalDate first, LocalDate last) {
        List<Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            days.add(day(date));
        }
        return days;
    }

    /** When something received at {@code from} is due if it must be done "within {@code workingDays} working days". */
    public Deadline deadline(Instant from, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1, was " + workingDays);
        }
        Counted counted = count(from.atZone(zone).toLocalDate(), workingDays);
        return new Deadline(from, workingDays, counted.day(), endOf(counted.day()), counted.provisional());
    }

    /** The N-th working day after a date; provisional when a day passed over lies in a year not loaded. */
    private record Counted(LocalDate day, boolean provisional) {
    }

    private Counted count(LocalDate date, int workingDays) {
        LocalDate day = date;
        boolean provisional = false;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            provisional |= !loaded(day.getYear());
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Counted(day, provisional);
    }

    /**
     * The instant at which {@code fraction} of the working time between {@code from} and its deadline has passed. Working
     * time is the counted working days, each from 00:00 to 24:00; non-working days in between do not advance it.
     */
    public Instant pointInWorkingTime(Instant from, int workingDays, double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
        }
        Duration elapsed = Duration.ofSeconds(Math.round(fraction * workingDays * Duration.ofDays(1).toSeconds()));
        LocalDate date = from.atZone(zone).toLocalDate();
        while (true) {
            date = date.plusDays(1);
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant start = date.atStartOfDay(zone).toInstant();
            Duration day = Duration.between(start, endOf(date));
            if (elapsed.compareTo(day) <= 0) {
                return start.plus(elapsed);
            }
            elapsed = elapsed.minus(day);
        }
    }

    /**
     * The working days that ended while a clock was paused: those whose 24:00 (local time) came after {@code pausedAt}
     * and at or before {@code resumedAt}. A pause that ends on the day it began ends none.
     */
    public int workingDaysEnded(Instant pausedAt, Instant resumedAt) {
        int ended = 0;
        for (LocalDate date = pausedAt.atZone(zone).toLocalDate(); !endOf(date).isAfter(resumedAt);
                date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * {@code point} moved later by {@code workingDays} working days, to the same time of day: the working day it
     * lies in is replaced by the {@code workingDays}-th working day after it. 24:00 belongs to the day it ends, so a
     * deadline stays the end of a working day.
     */
    public Moved later(Instant point, int workingDays) {
        LocalDate date = point.atZone(zone).toLocalDate();
        if (date.atStartOfDay(zone).toInstant().equals(point)) {
            date = date.minusDays(1);
        }
        Duration intoDay = Duration.between(date.atStartOfDay(zone).toInstant(), point);
        Counted counted = count(date, workingDays);
        return new Moved(counted.day().atStartOfDay(zone).toInstant().plus(intoDay), counted.provisional());
    }

    private Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean weekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
