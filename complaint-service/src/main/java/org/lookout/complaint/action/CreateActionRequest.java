package org.lookout.complaint.action;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new action: its title, the item it is about, and the open reports of one community it groups. */
@Schema(name = "CreateAction")
public record CreateActionRequest(@NotBlank @Size(max = 200) String title,
        @NotBlank @Pattern(regexp = "[a-z][a-z-]{1,39}", message = "must be a taxonomy item code") String itemCode,
        @NotEmpty @Size(max = ActionService.MAX_REPORTS) List<@NotNull UUID> reportIds) {
}
