package org.lookout.complaint.ledger;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the ledger, with the id of its report (to open it from the ledger). For a masked confidential report only
 * time, tracking number, statuses and report id are filled.
 */
@Schema(name = "Line")
public record LedgerLine(Instant at, String trackingNumber, String itemCode, String categoryCode, String channel,
        String fromStatus, String toStatus, String actorRole, String note, UUID reportId) {
}
