package org.lookout.cadre.imports;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.ImportJob;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Bulk imports of the registration forms units send, as CSV (UTF-8 or GB18030): the file is checked (charset, header)
 * and stored as a job, which the worker runs in batches after the request has answered 202. Only the inspector who
 * started a job reads it; rows of communities outside their streets are refused.
 */
@ApplicationScoped
public class ImportService {

    private final ImportJobRepository jobs;
    private final ImportRejectionRepository rejections;
    private final ImportWorker worker;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;

    ImportService(ImportJobRepository jobs, ImportRejectionRepository rejections, ImportWorker worker,
            AuditTrail audit, CadreConfig config, Clock clock) {
        this.jobs = jobs;
        this.rejections = rejections;
        this.worker = worker;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public Uni<ImportJob> start(byte[] content, String charset, Caller caller) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest(ImportFile.FIELD, "is empty: a CSV file is expected as the body");
        }
        if (content.length > config.imports().maxBytes()) {
            throw ProblemException.tooLarge(ImportFile.FIELD, config.imports().maxBytes());
        }
        ImportFile file = ImportFile.read(content, charset);
        ImportJob job = ImportJob.start(caller.subject(), caller.streets(), file.charset.name(), content,
                file.rows.size(), clock.instant());
        return Panache.withTransaction(() -> jobs.persist(job)
                .chain(() -> audit.append(AuditEntry.of(caller, "START_IMPORT",
                        "import job " + job.id + " (" + job.totalRows + " rows)", null))))
                .invoke(() -> worker.start(job.id))
                .replaceWith(job);
    }

    /** The job and every row it refused so far; 404 for another inspector's job. */
    @WithSession
    public Uni<ImportJobView> status(UUID id, Caller caller) {
        return jobs.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("import job " + id))
                .invoke(job -> {
                    if (!job.startedBy.equals(caller.subject())) {
                        throw ProblemException.notFound("import job " + id);
                    }
                })
                .chain(job -> rejections.of(job.id).map(refused -> ImportJobView.of(job, refused)));
    }
}
