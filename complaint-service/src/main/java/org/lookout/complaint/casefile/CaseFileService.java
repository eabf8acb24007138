package org.lookout.complaint.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.attachment.AttachmentRepository;
import org.lookout.complaint.attachment.AttachmentService.AttachmentFile;
import org.lookout.complaint.config.CaseFileConfig;
import org.lookout.complaint.domain.CasePart;
import org.lookout.complaint.domain.CaseRead;
import org.lookout.complaint.domain.NoteVisibility;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.complaint.note.NoteRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The case file of an escalated report for the agency of one of its parts ({@link CasePart#readableAt}): the report's
 * facts, public notes, photos and the escalation's history, never the reporter. Each read — of the file or of an
 * attachment — is recorded ({@link CaseRead}) in the same transaction: a read that cannot be recorded is not answered.
 * Anybody else, another agency, an agency whose access has ended: 404, as if the escalation did not exist.
 */
@ApplicationScoped
public class CaseFileService {

    /** The most reads of a report's case files listed at once. */
    static final int READS_LISTED = 500;

    private final CasePartRepository parts;
    private final CaseHistoryRepository history;
    private final CaseReadRepository reads;
    private final ReportRepository reports;
    private final ReportAccess access;
    private final NoteRepository notes;
    private final AttachmentRepository attachments;
    private final CaseFileConfig config;
    private final Clock clock;

    CaseFileService(CasePartRepository parts, CaseHistoryRepository history, CaseReadRepository reads,
            ReportRepository reports, ReportAccess access, NoteRepository notes, AttachmentRepository attachments,
            CaseFileConfig config, Clock clock) {
        this.parts = parts;
        this.history = history;
        this.reads = reads;
        this.reports = reports;
        this.access = access;
        this.notes = notes;
        this.attachments = attachments;
        this.config = config;
        this.clock = clock;
    }

    /** The agency's part and the report, while the agency may read them. */
    private record Readable(CasePart part, Report report) {
    }

    @WithTransaction
    public Uni<CaseFileView> read(UUID escalationId, Caller caller) {
        Instant now = clock.instant();
        return readable(escalationId, caller, now).chain(readable -> audit(readable.part(), caller, null, now)
                .chain(() -> notes.notes(readable.report().id, Set.of(NoteVisibility.PUBLIC)))
                .chain(publicNotes -> attachments.summaries(readable.report().id)
                        .chain(photos -> parts.ofEscalation(escalationId)
                                .chain(all -> history.of(escalationId)
                                        .map(lines -> CaseFileView.of(readable.part(),
                                                readable.part().readableUntil(config.readAfterClose(),
                                                        readable.report().closedAt).orElse(null),
                                                readable.report(), publicNotes, photos, all, lines))))));
    }

    @WithTransaction
    public Uni<AttachmentFile> attachment(UUID escalationId, UUID attachmentId, Caller caller) {
        Instant now = clock.instant();
        return readable(escalationId, caller, now).chain(readable -> attachments.of(readable.report().id, attachmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("attachment " + attachmentId))
                .call(found -> audit(readable.part(), caller, attachmentId, now))
                .map(found -> new AttachmentFile(found.id, found.mediaType, found.content)));
    }

    /** Who read the report's case files, newest first: for the officials who may read the report itself. */
    @WithTransaction
    public Uni<List<CaseReadView>> readsOf(UUID reportId, Caller caller) {
        return access.toRead(reportId, caller).invoke(report -> {
            if (!ReportAccess.readsInternalNotes(caller)) {
                throw ProblemException.notFound("report " + reportId);
            }
        }).chain(report -> reads.ofReport(report.id, READS_LISTED))
                .map(found -> found.stream().map(CaseReadView::of).toList());
    }

    private Uni<Readable> readable(UUID escalationId, Caller caller, Instant now) {
        String agency = caller.agency().orElseThrow(() -> ProblemException.notFound("escalation " + escalationId));
        return parts.of(escalationId, agency)
                .chain(part -> part == null ? Uni.createFrom().<Readable> nullItem()
                        : reports.findById(part.reportId).map(report -> report != null
                                && part.readableAt(now, config.readAfterClose(), report.closedAt)
                                ? new Readable(part, report) : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("escalation " + escalationId));
    }

    private Uni<Void> audit(CasePart part, Caller caller, UUID attachmentId, Instant now) {
        return reads.persist(CaseRead.of(part, caller.subject(), attachmentId, now)).replaceWithVoid();
    }
}
