package org.lookout.escalation.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lookout.contracts.AgencyKind;

/** An entry of the directory as an administrator writes it; {@code active} defaults to true. */
public record SaveAgencyRequest(
        @NotNull AgencyKind kind,
        @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 100) String nameEn,
        @NotNull @Pattern(regexp = "[A-Z0-9]{2,16}", message = "must be a street or district code such as DCYJD")
        String jurisdiction,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be an OIDC client id") String oidcClientId,
        @Size(max = 500) String webhookUrl,
        Boolean active) {
}
