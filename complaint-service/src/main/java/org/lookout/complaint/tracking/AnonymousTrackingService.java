package org.lookout.complaint.tracking;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.AnonymousTracking;
import org.lookout.complaint.domain.NoteVisibility;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.complaint.lifecycle.LifecycleService;
import org.lookout.complaint.lifecycle.RateReportRequest;
import org.lookout.complaint.note.NoteRepository;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Following an anonymous report with its code and secret instead of an account, and rating it once resolved. An unknown
 * code, a missing secret and a wrong one all answer the same 404, so the answer tells nothing about which codes exist.
 */
@ApplicationScoped
public class AnonymousTrackingService {

    private static final String CODE_PATTERN = "[0-9A-Z]{" + TrackingCredentials.CODE_LENGTH + "}";
    /** Compared against when the code is unknown, so both paths cost one hash and one comparison. */
    private static final byte[] NO_SECRET = TrackingCredentials.hash("no secret matches this");

    private final AnonymousTrackingRepository trackings;
    private final ReportRepository reports;
    private final NoteRepository notes;

    private final LifecycleService lifecycle;
    private final Clock clock;

    AnonymousTrackingService(AnonymousTrackingRepository trackings, ReportRepository reports, NoteRepository notes,
            LifecycleService lifecycle, Clock clock) {
        this.trackings = trackings;
        this.reports = reports;
        this.notes = notes;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** A new code and secret for the report, inside the caller's transaction; only the secret's hash is stored. */
    public Uni<TrackingCredentials.Issued> issue(UUID reportId) {
        Prepared prepared = prepare(reportId);
        return trackings.persist(prepared.row()).replaceWith(prepared.credentials());
    }

    /** A code and secret as {@link #issue} makes them, with the row to store, for a caller that writes it itself. */
    public record Prepared(AnonymousTracking row, TrackingCredentials.Issued credentials) {
    }

    /** What {@link #issue} stores and answers, for intake, which stores the row in the statement that stores the report. */
    public Prepared prepare(UUID reportId) {
        TrackingCredentials.Issued issued = TrackingCredentials.issue();
        AnonymousTracking tracking = new AnonymousTracking();
        tracking.code = issued.code();
        tracking.reportId = reportId;
        tracking.secretHash = TrackingCredentials.hash(issued.secret());
        return new Prepared(tracking, issued);
    }

    /** What the holder of the secret sees: the report (status, item, number, times) and its public notes. */
    @WithSession
    public Uni<TrackingView> track(String code, String secret) {
        return reportOf(code, secret).chain(reports::findById).chain(this::view);
    }

    /**
     * The anonymous reporter rates the resolved report with its code and secret, as a reporter with an account does:
     * satisfied closes it, not satisfied reopens it (409 when it is not resolved).
     */
    public Uni<TrackingView> rate(String code, String secret, @Valid RateReportRequest request) {
        boolean satisfied = request.satisfied();
        return LifecycleService.inTransaction(() -> reportOf(code, secret).chain(reports::findById)
                .chain(report -> lifecycle.rated(report, satisfied, r -> r.rate(satisfied, clock.instant()),
                        LifecycleService.ANONYMOUS_REPORTER, request.note()).chain(rated -> view(report))));
    }

    /** The report the code and secret open; one 404 for an unknown code, a missing secret and a wrong one. */
    private Uni<UUID> reportOf(String code, String secret) {
        String normalised = code == null ? "" : TrackingCredentials.normalise(code);
        Uni<AnonymousTracking> found = normalised.matches(CODE_PATTERN) ? trackings.findById(normalised)
                : Uni.createFrom().nullItem();
        return found.map(tracking -> {
            boolean matches = TrackingCredentials.matches(secret, tracking == null ? NO_SECRET : tracking.secretHash);
            if (tracking == null || secret == null || !matches) {
                throw ProblemException.notFound("tracking code");
            }
            return tracking.reportId;
        });
    }

    private Uni<TrackingView> view(Report report) {
        return notes.notes(report.id, Set.of(NoteVisibility.PUBLIC)).map(publicNotes -> TrackingView.of(report,
                publicNotes));
    }
}
