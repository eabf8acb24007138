package org.lookout.complaint.publicintake;

import java.time.Instant;

import org.lookout.complaint.intake.ReceiptView;

/**
 * The {@code 201} answer to a report from the public: its number and state, and the tracking code and secret — shown
 * this once, the only way back to the report ({@code GET /api/complaints/track/{code}} with {@code X-Tracking-Secret}).
 */
public record PublicReceiptView(String trackingNumber, String trackingCode, String trackingSecret, String status,
        String itemCode, String communityCode, Instant receivedAt, int photos) {

    static PublicReceiptView of(ReceiptView receipt, int photos) {
        return new PublicReceiptView(receipt.report().trackingNumber(), receipt.trackingCode(),
                receipt.trackingSecret(), receipt.report().status(), receipt.report().itemCode(),
                receipt.report().communityCode(), receipt.report().receivedAt(), photos);
    }
}
