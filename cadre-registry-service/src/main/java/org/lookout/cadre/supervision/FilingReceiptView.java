package org.lookout.cadre.supervision;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.SupervisionRecord;

/**
 * What the filer of a comment or an entry gets back: a tracking code (shown once, the only way back to it: the registry
 * keeps nothing that links the record to them) and the public status.
 */
@Schema(name = "FilingReceipt")
public record FilingReceiptView(String trackingCode, String status, Instant receivedAt) {

    public static FilingReceiptView of(SupervisionRecord record) {
        return new FilingReceiptView(record.trackingCode, record.status.publicStatus(), record.receivedAt);
    }
}
