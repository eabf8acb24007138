package org.lookout.complaint.publicintake;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.intake.SubmitReportRequest;

/**
 * An anonymous report from someone without an account: what and where, as on every channel, and {@code altcha}, the
 * solved challenge of {@code GET /api/public/challenge?community=} (base64 JSON). Nothing identifies the sender.
 */
@Schema(name = "SubmitPublicReport")
public record SubmitPublicReportRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z-]{1,39}", message = "must be a taxonomy item code") String itemCode,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Pattern(regexp = "[A-Z]{2,8}", message = "must be a community code") String communityCode,
        @NotNull @Valid SubmitReportRequest.Location location,
        @PastOrPresent Instant occurredAt,
        @NotBlank @Size(max = 4096) @Pattern(regexp = "[A-Za-z0-9+/=]+", message = "must be base64") String altcha) {
}
