package org.lookout.complaint.rest;

import java.time.Instant;
import java.util.UUID;

import org.lookout.complaint.domain.AttachmentSummary;

/** An attachment of a report as listed: its type, size and digest, and the role (never the account) that added it. */
public record AttachmentView(UUID id, String mediaType, int size, String sha256, String uploadedByRole,
        Instant uploadedAt) {

    static AttachmentView of(AttachmentSummary summary) {
        return new AttachmentView(summary.id(), summary.mediaType(), summary.size(), summary.sha256(),
                summary.uploadedByRole(), summary.uploadedAt());
    }
}
