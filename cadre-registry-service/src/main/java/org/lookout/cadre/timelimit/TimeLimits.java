package org.lookout.cadre.timelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.calendar.WorkingDays;
import org.lookout.cadre.domain.SupervisionRecord;
import org.lookout.cadre.messaging.outgoing.CadreEvents;
import org.lookout.cadre.opinion.OpinionRepository;
import org.lookout.cadre.supervision.SupervisionDeadlines;
import org.lookout.cadre.supervision.SupervisionRepository;
import org.lookout.contracts.SupervisionLimit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The 12388 limits and the opinions' deadlines as clocks on escalation-service's working calendar. A sweep asks the
 * calendar for every deadline not computed yet (a record stored while the calendar was away keeps waiting, never lost),
 * then announces each limit that passed unmet, once: the record is marked in the transaction of its event, claimed
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work and none announces twice.
 */
@ApplicationScoped
public class TimeLimits {

    /** What one sweep did. */
    public record Sweep(int deadlinesComputed, int supervisionOverdue, int opinionsOverdue) {
    }

    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(TimeLimits.class);

    private final SupervisionRepository records;
    private final SupervisionDeadlines supervisionDeadlines;
    private final OpinionRepository opinions;
    private final WorkingDays workingDays;
    private final CadreEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    TimeLimits(SupervisionRepository records, SupervisionDeadlines supervisionDeadlines, OpinionRepository opinions,
            WorkingDays workingDays, CadreEvents events, AuditTrail audit, Clock clock) {
        this.records = records;
        this.supervisionDeadlines = supervisionDeadlines;
        this.opinions = opinions;
        this.workingDays = workingDays;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "cadre-time-limits", every = "${lookout.cadre.time-limit-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(clock.instant()).replaceWithVoid();
    }

    public Uni<Sweep> sweep(Instant now) {
        return computeDeadlines().chain(computed -> announceSupervision(now)
                .chain(supervision -> announceOpinions(now)
                        .map(opinionsOverdue -> new Sweep(computed, supervision, opinionsOverdue))))
                .invoke(sweep -> {
                    if (sweep.deadlinesComputed() + sweep.supervisionOverdue() + sweep.opinionsOverdue() > 0) {
                        LOG.infof("time limits: %d deadlines computed, %d supervision limits and %d opinions overdue",
                                sweep.deadlinesComputed(), sweep.supervisionOverdue(), sweep.opinionsOverdue());
                    }
                });
    }

    /** Asks the calendar (outside any transaction) for each record and request without a deadline; answers how many got one. */
    public Uni<Integer> computeDeadlines() {
        Uni<Integer> supervision = Panache.withSession(() -> records.withoutDeadlines(BATCH))
                .chain(pending -> each(pending, record -> supervisionDeadlines.of(record.receivedAt)
                        .chain(limits -> limits.isEmpty() ? Uni.createFrom().item(0)
                                : Panache.withTransaction(() -> records.lock(record.id).map(locked -> {
                                    if (locked == null || locked.acceptanceDueAt != null) {
                                        return 0;
                                    }
                                    limits.get().applyTo(locked);
                                    return 1;
                                })))));
        Uni<Integer> opinionDeadlines = Panache.withSession(() -> opinions.withoutDeadline(BATCH))
                .chain(pending -> each(pending, opinion -> workingDays.deadline(opinion.requestedAt, opinion.workingDays)
                        .chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                                : Panache.withTransaction(() -> opinions.lock(opinion.id).map(locked -> {
                                    if (locked == null || locked.dueAt != null) {
                                        return 0;
                                    }
                                    locked.schedule(due.get().dueAt(), due.get().provisional());
                                    return 1;
                                })))));
        return supervision.chain(first -> opinionDeadlines.map(second -> first + second));
    }

    private Uni<Integer> announceSupervision(Instant now) {
        return Panache.withTransaction(() -> records.lockMissing(now, BATCH).chain(due -> each(due, record -> {
            Uni<Integer> announced = Uni.createFrom().item(0);
            for (SupervisionLimit limit : List.of(SupervisionLimit.FORWARDING, SupervisionLimit.ACCEPTANCE)) {
                announced = announced.chain(count -> announce(record, limit, now).map(one -> count + one));
            }
            return announced;
        })));
    }

    private Uni<Integer> announce(SupervisionRecord record, SupervisionLimit limit, Instant now) {
        if (!record.misses(limit, now)) {
            return Uni.createFrom().item(0);
        }
        record.overdue(limit, now);
        return events.overdue(record, limit, now)
                .chain(() -> audit.append(AuditEntry.bySystem("cadre-registry-service", "SUPERVISION_OVERDUE",
                        "supervision record " + record.id + " " + limit)))
                .replaceWith(1);
    }

    private Uni<Integer> announceOpinions(Instant now) {
        return Panache.withTransaction(() -> opinions.lockMissing(now, BATCH).chain(due -> each(due, opinion -> {
            if (!opinion.misses(now)) {
                return Uni.createFrom().item(0);
            }
            opinion.overdueAt = now;
            return events.opinionOverdue(opinion, now)
                    .chain(() -> audit.append(AuditEntry.bySystem("cadre-registry-service", "OPINION_OVERDUE",
                            "integrity opinion " + opinion.id)))
                    .replaceWith(1);
        })));
    }

    /** One after the other (a reactive session serves one operation at a time); answers how many moved. */
    private static <T> Uni<Integer> each(List<T> items, Function<T, Uni<Integer>> action) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (T one : items) {
            chain = chain.chain(count -> action.apply(one).map(moved -> count + moved));
        }
        return chain;
    }
}
