package org.lookout.escalation.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.EventType;
import org.lookout.escalation.calendar.CalendarService;
import org.lookout.escalation.clock.SlaClockService;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.domain.EscalationScope;
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
 * absent (404). A part addressed to a street office is worked the same way by that street's supervisors; the street
 * returns a report to the community with instructions and a new deadline (督办), and the report's clock runs to it.
 */
@ApplicationScoped
public class AgencyWork {

    private final EscalationRepository escalations;
    private final EscalationPartRepository parts;
    private final EscalationNoteRepository notes;
    private final EscalationEvents events;
    private final CalendarService calendar;
    private final SlaClockService clocks;
    private final Clock clock;

    AgencyWork(EscalationRepository escalations, EscalationPartRepository parts, EscalationNoteRepository notes,
            EscalationEvents events, CalendarService calendar, SlaClockService clocks, Clock clock) {
        this.escalations = escalations;
        this.parts = parts;
        this.notes = notes;
        this.events = events;
        this.calendar = calendar;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** A move of the caller's part at {@code at}, in the transaction that publishes it. */
    @FunctionalInterface
    private interface Move {
        Uni<Void> apply(EscalationPart part, Instant at);
    }

    /** What follows a published move in the same transaction. */
    @FunctionalInterface
    private interface FollowUp {
        Uni<Void> apply(Escalation escalation, EscalationPart part, Instant at);
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

    /** The street's return with instructions also lets the report's clock run to the new deadline it gave. */
    public Uni<Void> giveBack(UUID id, ReturnEscalationRequest request, Caller caller) {
        return change(id, caller, "return", EventType.ESCALATION_RETURNED,
                (part, at) -> calendar.current().invoke(workingCalendar -> part.giveBack(at, request.reason(),
                        request.note(), request.dueInWorkingDays(), workingCalendar)).replaceWithVoid(),
                (escalation, part, at) -> part.returnDueAt == null ? Uni.createFrom().voidItem()
                        : clocks.onReturnedByStreet(escalation.reportId, escalation.breachedClock(), at,
                                request.dueInWorkingDays()));
    }

    private Uni<Void> change(UUID id, Caller caller, String action, EventType type, Move move) {
        return change(id, caller, action, type, move, (escalation, part, at) -> Uni.createFrom().voidItem());
    }

    private Uni<Void> change(UUID id, Caller caller, String action, EventType type, Move move, FollowUp followUp) {
        Instant at = clock.instant();
        return Panache.withTransaction(() -> escalations.forUpdate(id).chain(escalation -> {
            if (escalation == null) {
                throw ProblemException.notFound("escalation " + id);
            }
            return parts.of(id).chain(found -> {
                EscalationPart part = found.stream().filter(one -> EscalationScope.worksPart(caller, one))
                        .findFirst().orElseThrow(() -> ProblemException.notFound("escalation " + id));
                escalation.checkOpenFor(action);
                return move.apply(part, at).chain(() -> {
                    escalation.follow(found);
                    return events.changed(type, escalation, part, at, found);
                }).chain(() -> followUp.apply(escalation, part, at));
            });
        }));
    }

    private static Uni<Void> done(Runnable move) {
        move.run();
        return Uni.createFrom().voidItem();
    }
}
