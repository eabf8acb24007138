package org.lookout.complaint.lifecycle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.AssigneeUnit;

/** {@code staffMember} (the account) is required when the unit is STAFF. */
@Schema(name = "Assign")
public record AssignReportRequest(@NotNull AssigneeUnit unit,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be an account name") String staffMember,
        @Size(max = LifecycleService.NOTE_LENGTH) String note) {
}
