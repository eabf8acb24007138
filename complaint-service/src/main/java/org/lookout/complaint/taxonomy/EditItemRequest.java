package org.lookout.complaint.taxonomy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An administrator's edit of a taxonomy item: its names, resolution target (working days, what the resolution clocks
 * use), confidentiality and whether it is offered, as they shall be. Confidentiality applies to new reports only: a
 * report keeps the one it was filed with.
 */
@Schema(name = "TaxonomyItemEdit")
public record EditItemRequest(
        @NotBlank @Size(max = 50) String nameZh,
        @NotBlank @Size(max = 80) String nameEn,
        @NotNull @Min(1) @Max(60) Integer resolutionDays,
        @NotNull Boolean confidential,
        @NotNull Boolean active) {
}
