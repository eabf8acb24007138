package org.lookout.escalation.escalation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manual escalation: the report, the agencies (the lead among them when several), why, and for how long. */
public record OpenEscalationRequest(
        @NotNull UUID reportId,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> agencies,
        @Size(max = 40) String lead,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Min(1) @Max(60) Integer dueInWorkingDays) {
}
