package org.lookout.escalation.escalation;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.calendar.CalendarService;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.ReportFacts;
import org.lookout.escalation.messaging.outgoing.EscalationEvents;

import io.smallrye.mutiny.Uni;

/**
 * Opens an escalation — one part per agency, the lead marked, due in working days on today's calendar — and writes its
 * {@code opened} event, in the caller's transaction. A report never has two open escalations of one trigger.
 */
@ApplicationScoped
public class EscalationOpener {

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
    public Uni<Optional<Escalation>> open(Escalation.Opening opening) {
        return escalations.activeExists(opening.report().reportId(), opening.trigger()).chain(exists -> exists
                ? Uni.createFrom().item(Optional.<Escalation>empty())
                : calendar.current().chain(workingCalendar -> {
                    Escalation.Opened opened = Escalation.open(opening,
                            workingCalendar.deadline(opening.openedAt(), opening.workingDays()));
                    // the escalation row first: its parts reference it
                    return escalations.persistAndFlush(opened.escalation())
                            .chain(() -> parts.persist(opened.parts()))
                            .chain(() -> events.opened(opened.escalation(), opened.parts(), opening.agencies()))
                            .replaceWith(Optional.of(opened.escalation()));
                }));
    }

    /** A copy of the report for {@code agency}'s information: one INFORM part, no deadline, its {@code informed} event. */
    public Uni<Escalation> inform(ReportFacts report, String streetCode, Agency agency, String reason, Instant at,
            String openedBy) {
        Escalation.Opened opened = Escalation.inform(report, streetCode, agency, reason, at, openedBy);
        return escalations.persistAndFlush(opened.escalation())
                .chain(() -> parts.persist(opened.parts()))
                .chain(() -> events.informed(opened.escalation(), opened.parts().getFirst(), agency))
                .replaceWith(opened.escalation());
    }
}
