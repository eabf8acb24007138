package org.lookout.escalation.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.escalation.domain.DayKind;

/** An administrator's override of one day; the reason goes to the audit trail. */
public record OverrideDayRequest(@NotNull DayKind kind, @Size(max = 50) String name,
        @NotBlank @Size(max = CalendarResource.MAX_REASON) String reason) {
}
