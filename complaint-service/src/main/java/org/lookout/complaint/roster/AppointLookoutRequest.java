package org.lookout.complaint.roster;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.LookoutKind;

/**
 * A lookout appointed: the Keycloak username of their account, their name as the roster shows it, their kind, the
 * buildings they cover, the day of appointment (default today) and, for admin, the community (staff: their own).
 */
@Schema(name = "AppointLookout")
public record AppointLookoutRequest(
        @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a username") String username,
        @NotBlank @Size(max = 100) String name,
        @NotNull LookoutKind kind,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String> buildings,
        LocalDate appointedOn,
        @Pattern(regexp = "[A-Z]{2,8}", message = "must be a community code") String communityCode) {
}
