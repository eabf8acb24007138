package org.lookout.escalation.escalation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.contracts.ReturnReason;

/** An agency returns its part as not its responsibility, with a reason. */
public record ReturnEscalationRequest(@NotNull ReturnReason reason, @Size(max = 2000) String note) {
}
