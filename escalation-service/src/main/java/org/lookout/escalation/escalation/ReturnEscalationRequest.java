package org.lookout.escalation.escalation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.contracts.ReturnReason;

/**
 * A part is given back. An agency: not its responsibility, with a reason and an optional note. The street's supervisors
 * (督办): back to the community with {@code INSTRUCTIONS_GIVEN}, the instructions as {@code note}, and the new deadline
 * in working days ({@code dueInWorkingDays}, the street's only).
 */
public record ReturnEscalationRequest(@NotNull ReturnReason reason, @Size(max = 2000) String note,
        @Min(1) @Max(60) Integer dueInWorkingDays) {
}
