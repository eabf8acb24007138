package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

/** An attachment without its bytes, so that a list of them never loads megabytes. */
public record AttachmentSummary(UUID id, String mediaType, int size, String sha256, String uploadedByRole,
        Instant uploadedAt) {
}
