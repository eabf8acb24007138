package org.lookout.escalation.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EscalationAgency;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EventType;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.AgencyKind;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The escalation events agencies integrate with (opened, acknowledged, progressed, resolved, returned,
 * deadline-missed), written to the outbox inside the caller's transaction, keyed by report id. References only: the
 * reason, notes, actions taken and return notes stay behind the REST API.
 */
@ApplicationScoped
public class EscalationEvents {

    private final Outbox outbox;
    private final EscalationConfig config;

    EscalationEvents(Outbox outbox, EscalationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** {@code kinds}: each part's agency kind, by agency code. */
    public Uni<Void> opened(Escalation escalation, List<EscalationPart> parts, Map<String, AgencyKind> kinds) {
        List<EscalationAgency> agencies = parts.stream()
                .map(part -> new EscalationAgency(part.agencyCode,
                        org.lookout.contracts.AgencyKind.valueOf(kinds.get(part.agencyCode).name()), part.lead))
                .toList();
        return publish(escalation, EventType.ESCALATION_OPENED, escalation.openedAt, new EscalationOpened(
                escalation.id, escalation.reportId, escalation.itemCode, escalation.communityCode,
                escalation.streetCode, escalation.confidential,
                org.lookout.contracts.EscalationTrigger.valueOf(escalation.trigger.name()), agencies,
                escalation.leadAgencyCode, escalation.workingDays, escalation.dueAt, escalation.provisional,
                escalation.openedAt));
    }

    /** One part changed ({@code type} one of the {@link EscalationChanged} types), with the escalation after it. */
    public Uni<Void> changed(EventType type, Escalation escalation, EscalationPart part, Instant at) {
        return publish(escalation, type, at, new EscalationChanged(escalation.id, escalation.reportId,
                escalation.itemCode, escalation.communityCode, escalation.streetCode, escalation.confidential,
                part.agencyCode, part.lead, EscalationState.valueOf(part.status.name()),
                EscalationState.valueOf(escalation.status.name()), at,
                part.outcome == null ? null : org.lookout.contracts.Outcome.valueOf(part.outcome.name()),
                part.returnReason == null ? null : org.lookout.contracts.ReturnReason.valueOf(part.returnReason.name())));
    }

    private Uni<Void> publish(Escalation escalation, EventType type, Instant at, Object payload) {
        String key = escalation.reportId.toString();
        return outbox.append(type.topic(), key, CloudEvent.of(config.eventSource(), type, key, at, payload));
    }
}
