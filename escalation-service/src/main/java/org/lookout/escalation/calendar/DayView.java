package org.lookout.escalation.calendar;

import java.time.LocalDate;

import org.lookout.escalation.domain.WorkingCalendar;

/** A day of the working calendar; {@code provisional} when its year's holiday notice is not loaded. */
public record DayView(LocalDate date, String kind, boolean working, String name, boolean provisional) {

    static DayView of(WorkingCalendar.Day day) {
        return new DayView(day.date(), day.kind().name(), day.kind().working(), day.name(), day.provisional());
    }
}
