package org.lookout.complaint.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.FollowUp;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.lifecycle.LifecycleService;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Follow-up (回访): for reports someone filed for the reporter (phone, visit, letter, a lookout), staff reach the
 * reporter after the resolution and record the answer. It counts as the report's rating — {@code rated}, then
 * {@code closed} or (not satisfied) {@code reopened}, as when the reporter rates — in one transaction with the record.
 */
@ApplicationScoped
public class FollowUpService {

    private final FollowUpRepository followUps;
    private final ReportAccess access;
    private final LifecycleService lifecycle;
    private final Clock clock;

    FollowUpService(FollowUpRepository followUps, ReportAccess access, LifecycleService lifecycle, Clock clock) {
        this.followUps = followUps;
        this.access = access;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public Uni<FollowUpView> record(UUID id, @Valid RecordFollowUpRequest request, Caller caller) {
        boolean satisfied = request.satisfied();
        return LifecycleService.inTransaction(() -> access.toHandle(id, caller).chain(report -> {
            if (report.resolvedAt != null && request.reachedAt().isBefore(report.resolvedAt)) {
                throw ProblemException.unprocessable("reachedAt", "is before the report was resolved");
            }
            Instant now = clock.instant();
            FollowUp followUp = new FollowUp();
            followUp.reportId = report.id;
            followUp.reachedBy = request.reachedBy();
            followUp.satisfied = satisfied;
            followUp.comment = request.comment() == null || request.comment().isBlank() ? null
                    : request.comment().strip();
            followUp.reachedAt = request.reachedAt();
            followUp.recordedAt = now;
            followUp.recordedBy = caller.subject();
            return lifecycle.rated(report, satisfied, r -> r.followUp(satisfied, now),
                    LifecycleService.actorRole(caller), request.note())
                    .chain(view -> followUps.persist(followUp).map(saved -> FollowUpView.of(saved, view.status())));
        }));
    }

    /** The follow-ups of a report, for those who work it. */
    @WithSession
    public Uni<List<FollowUpView>> of(UUID id, Caller caller) {
        return access.toWork(id, caller).chain(report -> followUps.of(report.id)
                .map(all -> all.stream().map(followUp -> FollowUpView.of(followUp, report.status.name())).toList()));
    }
}
