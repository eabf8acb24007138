package org.lookout.complaint.lifecycle;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.RejectReason;

/** {@code duplicateOf} is required when the reason is DUPLICATE. */
@Schema(name = "Reject")
public record RejectReportRequest(@NotNull RejectReason reason, UUID duplicateOf,
        @Size(max = LifecycleService.NOTE_LENGTH) String note) {
}
