package org.lookout.complaint.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An administrator's edit of a taxonomy item: every editable field, as it shall be. It applies to new reports only: a
 * report keeps the confidentiality it was filed with, and its SLA clocks follow escalation-service's own policies.
 */
public record TaxonomyItemEdit(
        @NotBlank @Size(max = 50) String nameZh,
        @NotBlank @Size(max = 80) String nameEn,
        @NotNull @Min(1) @Max(60) Integer resolutionDays,
        @NotNull Boolean confidential,
        @NotNull Boolean active) {
}
