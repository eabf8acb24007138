package org.lookout.cadre.opinion;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An integrity opinion on a promotion candidate, asked of the community where they live; 5 working days unless said. */
@Schema(name = "RequestOpinion")
public record RequestOpinionRequest(@NotNull UUID officialId, @NotBlank @Size(max = 500) String purpose,
        @Min(1) @Max(60) Integer workingDays) {
}
