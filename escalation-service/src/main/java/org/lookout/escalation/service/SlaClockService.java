package org.lookout.escalation.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.ClockState;
import org.lookout.escalation.domain.Deadline;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.domain.WorkingCalendar;
import org.lookout.escalation.repository.CommunityRepository;
import org.lookout.escalation.repository.SlaClockRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The SLA clocks of reports: started by report events (each event once), read within the caller's scope. */
@ApplicationScoped
public class SlaClockService {

    private final SlaClockRepository clocks;
    private final CommunityRepository communities;
    private final CalendarService calendar;
    private final SlaPolicy policy;
    private final EscalationConfig config;

    SlaClockService(SlaClockRepository clocks, CommunityRepository communities, CalendarService calendar, SlaPolicy policy,
            EscalationConfig config) {
        this.clocks = clocks;
        this.communities = communities;
        this.calendar = calendar;
        this.policy = policy;
        this.config = config;
    }

    /** Starts the clocks of a received report, counting from its receipt; runs in the consumer's transaction. */
    public Uni<Void> onSubmitted(ComplaintSubmitted submitted) {
        return calendar.current().chain(workingCalendar -> start(workingCalendar, submitted));
    }

    private Uni<Void> start(WorkingCalendar workingCalendar, ComplaintSubmitted submitted) {
        Uni<Void> started = Uni.createFrom().voidItem();
        for (SlaPolicy.ClockSpec spec : policy.onSubmitted(submitted)) {
            started = started.chain(() -> clocks.exists(submitted.reportId(), spec.kind())
                    // a clock of this kind already runs (another event announced the same report): keep it
                    .chain(exists -> exists ? Uni.createFrom().voidItem()
                            : clocks.persist(newClock(workingCalendar, submitted, spec)).replaceWithVoid()));
        }
        return started;
    }

    private SlaClock newClock(WorkingCalendar workingCalendar, ComplaintSubmitted submitted, SlaPolicy.ClockSpec spec) {
        Deadline deadline = workingCalendar.deadline(submitted.receivedAt(), spec.workingDays());
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.reportId = submitted.reportId();
        clock.kind = spec.kind();
        clock.communityCode = submitted.communityCode();
        clock.itemCode = submitted.itemCode();
        clock.confidential = submitted.confidential();
        clock.workingDays = spec.workingDays();
        clock.startedAt = submitted.receivedAt();
        clock.warnAt = workingCalendar.pointInWorkingTime(submitted.receivedAt(), spec.workingDays(),
                config.warningFraction());
        clock.dueAt = deadline.dueAt();
        clock.provisional = deadline.provisional();
        clock.state = ClockState.RUNNING;
        return clock;
    }

    /** The clocks of a report; a report outside the caller's scope is answered as absent (404). */
    @WithSession
    public Uni<List<SlaClock>> ofReport(UUID reportId, Caller caller) {
        return clocks.ofReport(reportId).chain(found -> visible(found, caller).map(visible -> {
            if (!visible) {
                throw ProblemException.notFound("report " + reportId);
            }
            return found;
        }));
    }

    private Uni<Boolean> visible(List<SlaClock> found, Caller caller) {
        // all clocks of a report share its community and confidentiality
        return found.isEmpty() ? Uni.createFrom().item(false) : visible(found.getFirst(), caller);
    }

    private Uni<Boolean> visible(SlaClock clock, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return Uni.createFrom().item(true);
        }
        if (clock.confidential) {
            // reports about officials: never shown to community staff or the street office
            return Uni.createFrom().item(false);
        }
        if (caller.is(Roles.STAFF) && caller.community().filter(clock.communityCode::equals).isPresent()) {
            return Uni.createFrom().item(true);
        }
        Optional<String> street = caller.is(Roles.SUPERVISOR) ? caller.street() : Optional.empty();
        if (street.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return communities.findById(clock.communityCode)
                .map(community -> community != null && street.get().equals(community.streetCode));
    }
}
