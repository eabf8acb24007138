package org.lookout.cadre.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Deadlines in working days, asked of escalation-service, which owns the working calendar (调休, holidays, an
 * administrator's overrides). The calendar being away delays a deadline, never loses the thing it is for: the caller
 * stores it without one and the time-limit sweep asks again.
 */
@ApplicationScoped
public class WorkingDays {

    private static final Logger LOG = Logger.getLogger(WorkingDays.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WorkingCalendarClient calendar;

    WorkingDays(@RestClient WorkingCalendarClient calendar) {
        this.calendar = calendar;
    }

    /**
     * The deadline; empty when the calendar did not answer (logged, without anything about the record). The answer is
     * handed back on the caller's Vert.x context, where its reactive sessions live.
     */
    public Uni<Optional<DeadlineAnswer>> deadline(Instant from, int workingDays) {
        Context caller = Vertx.currentContext();
        Uni<Optional<DeadlineAnswer>> answer = calendar.deadline(from.toString(), workingDays)
                .ifNoItem().after(TIMEOUT).fail()
                .map(Optional::of)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("working calendar did not answer (%s); the deadline is computed later",
                            failure.getClass().getSimpleName());
                    return Optional.empty();
                });
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
