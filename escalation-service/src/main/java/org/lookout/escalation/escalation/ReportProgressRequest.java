package org.lookout.escalation.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An agency's progress note on its part. */
public record ReportProgressRequest(@NotBlank @Size(max = 2000) String note) {
}
