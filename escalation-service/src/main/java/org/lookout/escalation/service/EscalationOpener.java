package org.lookout.escalation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.AgencyKind;
import org.lookout.escalation.domain.Deadline;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.escalation.domain.EscalationTrigger;
import org.lookout.escalation.messaging.EscalationEvents;
import org.lookout.escalation.repository.EscalationPartRepository;
import org.lookout.escalation.repository.EscalationRepository;

import io.smallrye.mutiny.Uni;

/**
 * Opens an escalation — one part per agency, the lead marked, due in working days on today's calendar — and writes its
 * {@code opened} event, in the caller's transaction. A report never has two open escalations of one trigger.
 */
@ApplicationScoped
public class EscalationOpener {

    /** What an escalation is opened with: the report facts, why, to whom, and for how long. */
    public record Opening(UUID reportId, String itemCode, String communityCode, String streetCode, boolean confidential,
            EscalationTrigger trigger, String reason, List<Agency> agencies, Agency lead, int workingDays,
            Instant openedAt, String openedBy) {
    }

    private final EscalationRepository escalations;
    private final EscalationPartRepository parts;
    private final CalendarService calendar;
    private final EscalationEvents events;

    EscalationOpener(EscalationRepository escalations, EscalationPartRepository parts, CalendarService calendar,
            EscalationEvents events) {
        this.escalations = escalations;
        this.parts = parts;
        this.calendar = calendar;
        this.events = events;
    }

    /** The new escalation; empty when the report already has an open one of this trigger. */
    public Uni<Optional<Escalation>> open(Opening opening) {
        return escalations.activeExists(opening.reportId(), opening.trigger()).chain(exists -> exists
                ? Uni.createFrom().item(Optional.<Escalation>empty())
                : calendar.current().chain(workingCalendar -> persist(opening,
                        workingCalendar.deadline(opening.openedAt(), opening.workingDays())).map(Optional::of)));
    }

    private Uni<Escalation> persist(Opening opening, Deadline deadline) {
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        escalation.reportId = opening.reportId();
        escalation.itemCode = opening.itemCode();
        escalation.communityCode = opening.communityCode();
        escalation.streetCode = opening.streetCode();
        escalation.confidential = opening.confidential();
        escalation.trigger = opening.trigger();
        escalation.reason = opening.reason();
        escalation.leadAgencyCode = opening.lead().code;
        escalation.workingDays = opening.workingDays();
        escalation.openedAt = opening.openedAt();
        escalation.dueAt = deadline.dueAt();
        escalation.provisional = deadline.provisional();
        escalation.openedBy = opening.openedBy();
        List<EscalationPart> created = new ArrayList<>();
        for (Agency agency : opening.agencies()) {
            EscalationPart part = new EscalationPart();
            part.id = UUID.randomUUID();
            part.escalationId = escalation.id;
            part.agencyCode = agency.code;
            part.lead = agency.code.equals(opening.lead().code);
            part.status = EscalationStatus.OPEN;
            created.add(part);
        }
        escalation.follow(created);
        Map<String, AgencyKind> kinds = opening.agencies().stream()
                .collect(Collectors.toMap(agency -> agency.code, agency -> agency.kind));
        // the escalation row first: its parts reference it
        return escalations.persistAndFlush(escalation)
                .chain(() -> parts.persist(created))
                .chain(() -> events.opened(escalation, created, kinds))
                .replaceWith(escalation);
    }
}
