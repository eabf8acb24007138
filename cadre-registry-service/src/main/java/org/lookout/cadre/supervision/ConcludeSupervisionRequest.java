package org.lookout.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.contracts.Disposition;

/**
 * Concluded in-house (谈话函询 / 初步核实 / 暂存待查 / 予以了结) with a summary; {@code substantiated} when the information
 * was found true (then a CONCERN entry goes into the linked official's archive).
 */
@Schema(name = "ConcludeSupervision")
public record ConcludeSupervisionRequest(@NotNull Disposition disposition, @NotBlank @Size(max = 1800) String summary,
        @NotNull Boolean substantiated) {
}
