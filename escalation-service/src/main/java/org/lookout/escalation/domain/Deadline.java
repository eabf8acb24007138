package org.lookout.escalation.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When something received at {@code from} is due: {@code dueAt} is 24:00 of {@code lastDay}, the last counted working
 * day. {@code provisional} when a counted day lies in a year without a loaded holiday notice (plain Monday to Friday).
 */
public record Deadline(Instant from, int workingDays, LocalDate lastDay, Instant dueAt, boolean provisional) {
}
