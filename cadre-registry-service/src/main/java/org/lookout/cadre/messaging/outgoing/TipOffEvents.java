package org.lookout.cadre.messaging.outgoing;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.TipOff;
import org.lookout.contracts.EventType;
import org.lookout.contracts.TipOffForwarded;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/** What the registry tells others on {@code lookout.cadre.v1}: references only, keyed by the report. */
@ApplicationScoped
public class TipOffEvents {

    private final Outbox outbox;
    private final CadreConfig config;

    TipOffEvents(Outbox outbox, CadreConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** {@code lookout.cadre.tip-off-forwarded.v1}: nothing about the official, the reporter or the inspector. */
    public Uni<Void> forwarded(TipOff tipOff) {
        TipOffForwarded payload = new TipOffForwarded(tipOff.id, tipOff.reportId, tipOff.trackingNumber,
                config.tipOffItemCode(), tipOff.communityCode, tipOff.accusedHeadsReceivingBody, tipOff.forwardedAt);
        return outbox.publish(EventType.CADRE_TIP_OFF_FORWARDED, tipOff.reportId.toString(), tipOff.forwardedAt,
                payload);
    }
}
