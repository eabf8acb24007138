package org.lookout.cadre.official;

import static org.lookout.cadre.official.RegisterOfficialRequest.blankToNull;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.Official;

/** The fields of the registration form to change; a field left out keeps its value. */
@Schema(name = "EditOfficial")
public record EditOfficialRequest(
        @Size(min = 1, max = 64) String name,
        @Size(min = 1, max = 128) String employer,
        @Size(min = 1, max = 128) String post,
        @Size(max = 64) String rank,
        @Pattern(regexp = "[A-Z]{2,8}") String communityCode,
        @Size(max = 64) String building,
        @Pattern(regexp = "[0-9+\\- ]{3,32}") String phone,
        LocalDate registeredOn,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String externalId) {

    Official.Form mergedInto(Official official) {
        return new Official.Form(or(name, official.name), or(employer, official.employer), or(post, official.post),
                rank == null ? official.rank : blankToNull(rank), or(communityCode, official.communityCode),
                building == null ? official.building : blankToNull(building), or(phone, official.phone),
                registeredOn == null ? official.registeredOn : registeredOn, blankToNull(externalId));
    }

    private static String or(String value, String kept) {
        return value == null || value.isBlank() ? kept : value.strip();
    }
}
