package org.lookout.complaint.lifecycle;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.ResponseKind;

/** The on-site visit or first contact, and when it happened (not in the future, not before receipt). */
@Schema(name = "Respond")
public record RecordResponseRequest(@NotNull ResponseKind kind, @NotNull @PastOrPresent Instant respondedAt,
        @Size(max = LifecycleService.NOTE_LENGTH) String note) {
}
