package org.lookout.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An information officer's supervision information: what they saw, naming the official in their own words. Always
 * confidential; filed about the officer's own community.
 */
@Schema(name = "FileSupervision")
public record FileSupervisionRequest(@NotBlank @Size(max = 4000) String text) {
}
