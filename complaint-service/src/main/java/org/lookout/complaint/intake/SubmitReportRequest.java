package org.lookout.complaint.intake;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.contracts.Channel;

/**
 * What a caller sends to file a report. {@code reporterName} and {@code reporterPhone} are for staff recording a
 * walk-in, phone or letter report; they are stored encrypted and shown only to those who may read them.
 */
@Schema(name = "SubmitReport")
public record SubmitReportRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z-]{1,39}", message = "must be a taxonomy item code") String itemCode,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Pattern(regexp = "[A-Z]{2,8}", message = "must be a community code") String communityCode,
        @NotNull @Valid Location location,
        @PastOrPresent Instant occurredAt,
        @NotNull Channel channel,
        boolean anonymous,
        @Size(max = 100) String reporterName,
        @Pattern(regexp = "[0-9+-]{1,20}", message = "must be 1 to 20 digits, + or -") String reporterPhone) {

    /** Where it happened: an address, the building or unit, and optional WGS84 coordinates. */
    public record Location(
            @NotBlank @Size(max = 300) String address,
            @Size(max = 100) String building,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }
}
