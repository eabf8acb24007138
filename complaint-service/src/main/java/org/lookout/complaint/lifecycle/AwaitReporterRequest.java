package org.lookout.complaint.lifecycle;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff wait for the reporter; the reason (e.g. "no access to the flat") is kept in the history only. */
@Schema(name = "AwaitReporter")
public record AwaitReporterRequest(@Size(max = 500) String reason) {

    String note() {
        return reason == null || reason.isBlank() ? "waiting for the reporter"
                : "waiting for the reporter: " + reason.strip();
    }
}
