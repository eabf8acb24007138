package org.lookout.cadre.tipoff;

import java.time.Instant;
import java.util.UUID;

import org.lookout.cadre.domain.TipOff;

/** A tip-off as an inspector sees it: the report it came from, never who reported it. */
public record TipOffView(UUID id, UUID reportId, String trackingNumber, String communityCode, Instant receivedAt,
        String status, Instant forwardedAt, Boolean accusedHeadsReceivingBody) {

    public static TipOffView of(TipOff tipOff) {
        return new TipOffView(tipOff.id, tipOff.reportId, tipOff.trackingNumber, tipOff.communityCode, tipOff.receivedAt,
                tipOff.status.name(), tipOff.forwardedAt, tipOff.accusedHeadsReceivingBody);
    }
}
