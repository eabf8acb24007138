package org.lookout.cadre.calendar;

import java.time.Instant;

/**
 * What the calendar answers: due at 24:00 Asia/Shanghai of the last counted working day (the day of receipt does not
 * count); {@code provisional} when a year's holiday notice is not loaded and the weekday rule was used.
 */
public record DeadlineAnswer(Instant from, int workingDays, Instant dueAt, boolean provisional) {
}
