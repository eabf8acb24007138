package org.lookout.escalation.messaging.outgoing;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.EscalationAgency;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationInformed;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EventType;
import org.lookout.contracts.PartKind;
import org.lookout.contracts.Topics;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The escalation events agencies integrate with (opened, informed, acknowledged, progressed, resolved, returned,
 * deadline-missed), written to the outbox inside the caller's transaction, keyed by report id: on
 * {@code lookout.escalation.v1}, and the same event (same id) on the own topic of every agency with a part in the
 * escalation ({@link Topics#agency}), so each agency reads the escalations it is part of and nothing else. References
 * only: the reason, notes, actions taken and return notes stay behind the REST API.
 */
@ApplicationScoped
public class EscalationEvents {

    private final Outbox outbox;

    EscalationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code agencies}: the directory entries the parts go to (their kinds are published). */
    public Uni<Void> opened(Escalation escalation, List<EscalationPart> parts, List<Agency> agencies) {
        List<EscalationAgency> addressed = parts.stream()
                .map(part -> new EscalationAgency(part.agencyCode, kindOf(part, agencies), part.lead))
                .toList();
        return publish(escalation, parts, EventType.ESCALATION_OPENED, escalation.openedAt, new EscalationOpened(
                escalation.id, escalation.reportId, escalation.itemCode, escalation.communityCode,
                escalation.streetCode, escalation.confidential, escalation.trigger, addressed,
                escalation.leadAgencyCode, escalation.workingDays, escalation.dueAt, escalation.provisional,
                escalation.openedAt));
    }

    /** A copy for information (抄送) to {@code agency}, its one part. */
    public Uni<Void> informed(Escalation escalation, EscalationPart part, Agency agency) {
        return publish(escalation, List.of(part), EventType.ESCALATION_INFORMED, escalation.openedAt,
                new EscalationInformed(escalation.id, escalation.reportId, escalation.itemCode,
                        escalation.communityCode, escalation.streetCode, escalation.confidential, agency.code,
                        agency.kind, escalation.openedAt));
    }

    /**
     * One part changed ({@code type} one of the {@link EscalationChanged} types), with the escalation after it;
     * {@code parts}: all the escalation's parts, whose agencies get it on their topics.
     */
    public Uni<Void> changed(EventType type, Escalation escalation, EscalationPart part, Instant at,
            List<EscalationPart> parts) {
        return publish(escalation, parts, type, at, new EscalationChanged(escalation.id, escalation.reportId,
                escalation.itemCode, escalation.communityCode, escalation.streetCode, escalation.confidential,
                part.agencyCode, part.lead, part.status.onTheWire(), escalation.status.onTheWire(), at, part.outcome,
                part.returnReason, part.kind == PartKind.INFORM ? PartKind.INFORM : null));
    }

    private static AgencyKind kindOf(EscalationPart part, List<Agency> agencies) {
        return agencies.stream().filter(agency -> agency.code.equals(part.agencyCode)).findFirst().orElseThrow().kind;
    }

    private Uni<Void> publish(Escalation escalation, List<EscalationPart> parts, EventType type, Instant at,
            Object payload) {
        List<String> agencyTopics = parts.stream().map(part -> Topics.agency(part.agencyCode)).distinct().toList();
        return outbox.publish(type, escalation.reportId.toString(), at, payload, agencyTopics);
    }
}
