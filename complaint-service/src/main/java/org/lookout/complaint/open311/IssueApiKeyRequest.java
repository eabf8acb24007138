package org.lookout.complaint.open311;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A key for a client application, named so that an admin knows whose it is (e.g. "City 12345 hotline system"). */
public record IssueApiKeyRequest(@NotBlank @Size(max = 100) String name) {
}
