package org.lookout.complaint.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.complaint.domain.NoteVisibility;

/** A note staff or a supervisor add to a report: PUBLIC also for the reporter, INTERNAL for the officials only. */
public record AddNote(@NotBlank @Size(max = 2000) String text, @NotNull NoteVisibility visibility) {
}
