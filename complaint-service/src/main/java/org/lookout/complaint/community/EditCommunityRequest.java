package org.lookout.complaint.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator's edit of a community, as it shall be: its names, the street it belongs to (whose supervisors see
 * its reports) and whether new reports may be filed in it.
 */
public record EditCommunityRequest(
        @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 100) String nameEn,
        @NotBlank @Pattern(regexp = "[A-Z]{2,12}", message = "must be a street code") String streetCode,
        @NotNull Boolean active) {
}
