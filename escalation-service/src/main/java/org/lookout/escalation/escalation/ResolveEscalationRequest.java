package org.lookout.escalation.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.contracts.Outcome;

/** An agency resolves its part: the outcome and what it did. */
public record ResolveEscalationRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 4000) String actionsTaken) {
}
