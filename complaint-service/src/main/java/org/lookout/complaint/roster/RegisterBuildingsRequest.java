package org.lookout.complaint.roster;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every building of the community, as the roster knows them (replaces the list). */
@Schema(name = "RegisterBuildings")
public record RegisterBuildingsRequest(@NotNull @Size(max = 2000) List<@NotBlank @Size(max = 100) String> buildings) {
}
