package org.lookout.cadre.opinion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the inspector withdraws an open request. */
@Schema(name = "WithdrawOpinion")
public record WithdrawOpinionRequest(@NotBlank @Size(max = 500) String reason) {
}
