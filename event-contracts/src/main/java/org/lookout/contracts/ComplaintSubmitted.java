package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A report was received ({@code lookout.complaint.submitted.v1}). References only: the reporter appears, if at all, as
 * {@code reporterRef}, the keyed pseudonym of their account ({@link ReporterPseudonym}) that lets notification-service
 * address an inbox without any service learning who the reporter is from the topic — or, on a confidential report, as
 * {@code sealedReporterRef} ({@link SealedReporterRef}, optional, added in v1), which links nothing to anything without
 * the notification-delivery key; such a report has no {@code reporterRef}.
 */
public record ComplaintSubmitted(
        UUID reportId,
        String trackingNumber,
        String itemCode,
        String categoryCode,
        String communityCode,
        Channel channel,
        boolean confidential,
        boolean anonymous,
        String reporterRef,
        Instant receivedAt,
        String sealedReporterRef) {

    /** The schema's required fields: a record without them is malformed, for producer and consumer alike. */
    public ComplaintSubmitted {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A report named by its pseudonym (or by nobody): no sealed reference. */
    public ComplaintSubmitted(UUID reportId, String trackingNumber, String itemCode, String categoryCode,
            String communityCode, Channel channel, boolean confidential, boolean anonymous, String reporterRef,
            Instant receivedAt) {
        this(reportId, trackingNumber, itemCode, categoryCode, communityCode, channel, confidential, anonymous,
                reporterRef, receivedAt, null);
    }
}
