package org.lookout.complaint.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result; it is also the history entry's note. */
@Schema(name = "Resolve")
public record ResolveReportRequest(@NotBlank @Size(max = LifecycleService.NOTE_LENGTH) String result) {
}
