package org.lookout.cadre.supervision;

import java.util.UUID;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.GoldenEvents;

/** escalation-service's events about a forwarded record, from the golden samples, as the discipline organ's client causes them. */
final class DisciplineOrgan {

    private DisciplineOrgan() {
    }

    /** The escalation escalation-service opens from the tip-off event; {@code reference} is what the event's reportId said. */
    static CloudEvent opened(String reference, String escalationId) {
        return GoldenEvents.about(EventType.ESCALATION_OPENED, reference, data -> data
                .put("escalationId", escalationId)
                .put("itemCode", "cadre-conduct")
                .put("confidential", true)
                .put("trigger", "TIP_OFF"));
    }

    static CloudEvent resolved(String reference, String escalationId, String outcome) {
        return GoldenEvents.about(EventType.ESCALATION_RESOLVED, reference, data -> data
                .put("escalationId", escalationId)
                .put("agencyCode", "discipline-district")
                .put("confidential", true)
                .put("outcome", outcome));
    }

    static CloudEvent returned(String reference, String escalationId) {
        return GoldenEvents.about(EventType.ESCALATION_RETURNED, reference, data -> data
                .put("escalationId", escalationId)
                .put("agencyCode", "discipline-district")
                .put("confidential", true));
    }

    static String newEscalation() {
        return UUID.randomUUID().toString();
    }
}
