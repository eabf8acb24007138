package org.lookout.escalation.escalation;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A report copied to an agency for information (抄送): which report, to whom, and why (read over REST only). */
public record InformAgencyRequest(
        @NotNull UUID reportId,
        @NotBlank @Size(max = 40) String agency,
        @NotBlank @Size(max = 2000) String reason) {
}
