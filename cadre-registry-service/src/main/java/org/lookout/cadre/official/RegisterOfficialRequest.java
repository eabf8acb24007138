package org.lookout.cadre.official;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.Official;

/** A registration form (住社区在职领导干部登记表); {@code externalId} is the unit's own id, when it has one. */
@Schema(name = "RegisterOfficial")
public record RegisterOfficialRequest(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @Size(max = 128) String employer,
        @NotBlank @Size(max = 128) String post,
        @Size(max = 64) String rank,
        @NotBlank @Pattern(regexp = "[A-Z]{2,8}") String communityCode,
        @Size(max = 64) String building,
        @Pattern(regexp = "[0-9+\\- ]{3,32}") String phone,
        @NotNull LocalDate registeredOn,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String externalId) {

    Official.Form form() {
        return new Official.Form(name.strip(), employer.strip(), post.strip(), blankToNull(rank), communityCode,
                blankToNull(building), blankToNull(phone), registeredOn, blankToNull(externalId));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
