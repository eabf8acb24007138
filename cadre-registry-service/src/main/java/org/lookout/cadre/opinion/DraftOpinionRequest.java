package org.lookout.cadre.opinion;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The community's draft and the archive entries it rests on. */
@Schema(name = "DraftOpinion")
public record DraftOpinionRequest(@NotBlank @Size(max = 8000) String text,
        @NotNull @Size(max = 100) List<UUID> citedEntryIds) {
}
