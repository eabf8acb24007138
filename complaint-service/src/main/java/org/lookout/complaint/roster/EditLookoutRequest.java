package org.lookout.complaint.roster;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.LookoutKind;

/** An active lookout's name, kind and buildings, as they are now. */
@Schema(name = "EditLookout")
public record EditLookoutRequest(@NotBlank @Size(max = 100) String name, @NotNull LookoutKind kind,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String> buildings) {
}
