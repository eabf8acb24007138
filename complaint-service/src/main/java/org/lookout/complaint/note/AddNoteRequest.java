package org.lookout.complaint.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.NoteVisibility;

/** A note staff or a supervisor add to a report: PUBLIC also for the reporter, INTERNAL for the officials only. */
@Schema(name = "AddNote")
public record AddNoteRequest(@NotBlank @Size(max = 2000) String text, @NotNull NoteVisibility visibility) {
}
