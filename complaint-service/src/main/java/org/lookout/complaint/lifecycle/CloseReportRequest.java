package org.lookout.complaint.lifecycle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code resolvable} false closes a responded report as "closed, not resolvable". */
@Schema(name = "Close")
public record CloseReportRequest(@NotNull Boolean resolvable, @Size(max = LifecycleService.NOTE_LENGTH) String note) {
}
