package org.lookout.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.EventType;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationNote;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.escalation.domain.Outcome;
import org.lookout.escalation.domain.ReturnReason;
import org.lookout.escalation.messaging.EscalationEvents;
import org.lookout.escalation.repository.EscalationNoteRepository;
import org.lookout.escalation.repository.EscalationPartRepository;
import org.lookout.escalation.repository.EscalationRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What an agency does with its part of an escalation: acknowledge, report progress, resolve with an outcome, or return
 * it with a reason. Each locks the escalation (so it waits for the overdue sweep, and two agencies of a joint
 * escalation one for the other), moves the part by the {@link EscalationStatus} table, lets the escalation follow its
 * lead and writes the event, in one transaction. Another agency's escalation is answered as absent (404).
 */
@ApplicationScoped
public class AgencyWork {

    private final EscalationRepository escalations;
    private final EscalationPartRepository parts;
    private final EscalationNoteRepository notes;
    private final EscalationEvents events;
    private final Clock clock;

    AgencyWork(EscalationRepository escalations, EscalationPartRepository parts, EscalationNoteRepository notes,
            EscalationEvents events, Clock clock) {
        this.escalations = escalations;
        this.parts = parts;
        this.notes = notes;
        this.events = events;
        this.clock = clock;
    }

    /** A change of the caller's part at {@code at}; answers the event type to publish. */
    @FunctionalInterface
    private interface Change {
        Uni<EventType> apply(Escalation escalation, EscalationPart part, Instant at);
    }

    public Uni<Void> acknowledge(UUID id, Caller caller) {
        return change(id, caller, "acknowledge", (escalation, part, at) -> {
            move(part, EscalationStatus.ACKNOWLEDGED, "acknowledge");
            if (part.acknowledgedAt == null) {
                part.acknowledgedAt = at;
            }
            return Uni.createFrom().item(EventType.ESCALATION_ACKNOWLEDGED);
        });
    }

    public Uni<Void> progress(UUID id, String note, Caller caller) {
        return change(id, caller, "report progress", (escalation, part, at) -> {
            if (!part.status.takesProgress()) {
                throw IllegalPartTransitionException.part(part.status, "report progress");
            }
            EscalationNote written = new EscalationNote();
            written.id = UUID.randomUUID();
            written.escalationId = escalation.id;
            written.agencyCode = part.agencyCode;
            written.at = at;
            written.note = note;
            return notes.persist(written).replaceWith(EventType.ESCALATION_PROGRESSED);
        });
    }

    public Uni<Void> resolve(UUID id, Outcome outcome, String actionsTaken, Caller caller) {
        return change(id, caller, "resolve", (escalation, part, at) -> {
            move(part, EscalationStatus.RESOLVED, "resolve");
            part.resolvedAt = at;
            part.outcome = outcome;
            part.actionsTaken = actionsTaken;
            return Uni.createFrom().item(EventType.ESCALATION_RESOLVED);
        });
    }

    public Uni<Void> giveBack(UUID id, ReturnReason reason, String note, Caller caller) {
        return change(id, caller, "return", (escalation, part, at) -> {
            move(part, EscalationStatus.RETURNED, "return");
            part.returnedAt = at;
            part.returnReason = reason;
            part.returnNote = note;
            return Uni.createFrom().item(EventType.ESCALATION_RETURNED);
        });
    }

    private Uni<Void> change(UUID id, Caller caller, String action, Change change) {
        String agency = caller.agency().orElseThrow(() -> ProblemException.notFound("escalation " + id));
        Instant at = clock.instant();
        return Panache.withTransaction(() -> escalations.forUpdate(id).chain(escalation -> {
            if (escalation == null) {
                throw ProblemException.notFound("escalation " + id);
            }
            return parts.of(id).chain(found -> {
                EscalationPart part = found.stream().filter(one -> one.agencyCode.equals(agency)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("escalation " + id));
                if (escalation.status.isFinal()) {
                    throw IllegalPartTransitionException.ended(escalation.status, action);
                }
                return change.apply(escalation, part, at).chain(type -> {
                    escalation.follow(found);
                    return events.changed(type, escalation, part, at);
                });
            });
        }));
    }

    private static void move(EscalationPart part, EscalationStatus target, String action) {
        if (!part.status.canMoveTo(target)) {
            throw IllegalPartTransitionException.part(part.status, action);
        }
        part.status = target;
    }
}
