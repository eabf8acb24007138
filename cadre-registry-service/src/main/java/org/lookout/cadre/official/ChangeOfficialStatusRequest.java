package org.lookout.cadre.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.contracts.OfficialStatus;

/** Confirm a pending registration ({@code ACTIVE}) or record a transfer, retirement or death, with the reason. */
@Schema(name = "ChangeOfficialStatus")
public record ChangeOfficialStatusRequest(@NotNull OfficialStatus status, @NotBlank @Size(max = 500) String reason) {
}
