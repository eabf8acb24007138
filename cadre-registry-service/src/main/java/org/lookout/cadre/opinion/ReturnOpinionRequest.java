package org.lookout.cadre.opinion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the head sends the draft back to staff. */
@Schema(name = "ReturnOpinion")
public record ReturnOpinionRequest(@NotBlank @Size(max = 500) String reason) {
}
