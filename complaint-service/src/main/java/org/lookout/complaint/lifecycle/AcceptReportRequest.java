package org.lookout.complaint.lifecycle;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code RECEIVED → ACCEPTED}; the note is kept in the report's history, never on a topic. */
@Schema(name = "Accept")
public record AcceptReportRequest(@Size(max = LifecycleService.NOTE_LENGTH) String note) {
}
