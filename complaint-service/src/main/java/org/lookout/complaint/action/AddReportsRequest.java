package org.lookout.complaint.action;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** More open reports of the action's community to work in it. */
@Schema(name = "AddReports")
public record AddReportsRequest(@NotEmpty @Size(max = ActionService.MAX_REPORTS) List<@NotNull UUID> reportIds) {
}
