package org.lookout.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the inspector found; replaces the findings recorded before. */
@Schema(name = "RecordFindings")
public record RecordFindingsRequest(@NotBlank @Size(max = 4000) String findings) {
}
