package org.lookout.complaint.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * An attachment of a report as listed, without its bytes: its type, size and digest, and the role (never the account)
 * that added it.
 */
public record AttachmentView(UUID id, String mediaType, int size, String sha256, String uploadedByRole,
        Instant uploadedAt) {
}
