package org.lookout.escalation.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.EventType;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.escalation.messaging.outgoing.EscalationEvents;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What an agency does with its part of an escalation: acknowledge, report progress, resolve with an outcome, or return
 * it with a reason. Each locks the escalation (so it waits for the overdue sweep, and two agencies of a joint
 * escalation one for the other), finds the caller's part, moves it by the {@link EscalationStatus} table, lets the
 * escalation follow its lead and writes the event, in one transaction. Another agency's escalation is answered as
 * absent (404).
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

    /** A move of the caller's part at {@code at}, in the transaction that publishes it. */
    @FunctionalInterface
    private interface Move {
        Uni<Void> apply(EscalationPart part, Instant at);
    }

    public Uni<Void> acknowledge(UUID id, Caller caller) {
        return change(id, caller, "acknowledge", EventType.ESCALATION_ACKNOWLEDGED,
                (part, at) -> done(() -> part.acknowledge(at)));
    }

    public Uni<Void> progress(UUID id, ReportProgressRequest request, Caller caller) {
        return change(id, caller, "report progress", EventType.ESCALATION_PROGRESSED,
                (part, at) -> notes.persist(part.progress(at, request.note())).replaceWithVoid());
    }

    public Uni<Void> resolve(UUID id, ResolveEscalationRequest request, Caller caller) {
        return change(id, caller, "resolve", EventType.ESCALATION_RESOLVED,
                (part, at) -> done(() -> part.resolve(at, request.outcome(), request.actionsTaken())));
    }

    public Uni<Void> giveBack(UUID id, ReturnEscalationRequest request, Caller caller) {
        return change(id, caller, "return", EventType.ESCALATION_RETURNED,
                (part, at) -> done(() -> part.giveBack(at, request.reason(), request.note())));
    }

    private Uni<Void> change(UUID id, Caller caller, String action, EventType type, Move move) {
        Instant at = clock.instant();
        return Panache.withTransaction(() -> escalations.forUpdate(id).chain(escalation -> {
            if (escalation == null) {
                throw ProblemException.notFound("escalation " + id);
            }
            return parts.of(id).chain(found -> {
                EscalationPart part = found.stream().filter(one -> caller.isAgency(one.agencyCode)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("escalation " + id));
                escalation.checkOpenFor(action);
                return move.apply(part, at).chain(() -> {
                    escalation.follow(found);
                    return events.changed(type, escalation, part, at, found);
                });
            });
        }));
    }

    private static Uni<Void> done(Runnable move) {
        move.run();
        return Uni.createFrom().voidItem();
    }
}
