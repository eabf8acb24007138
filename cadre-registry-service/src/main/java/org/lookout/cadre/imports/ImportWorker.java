package org.lookout.cadre.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.Community;
import org.lookout.cadre.domain.ImportJob;
import org.lookout.cadre.domain.Official;
import org.lookout.cadre.domain.OfficialChange;
import org.lookout.cadre.messaging.outgoing.CadreEvents;
import org.lookout.cadre.official.OfficialHistory;
import org.lookout.cadre.official.OfficialRepository;
import org.lookout.cadre.reference.Communities;
import org.lookout.contracts.OfficialStatus;
import org.lookout.contracts.RegistrationSource;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs import jobs batch by batch. A batch is one transaction that locks the job, imports its rows (new officials,
 * changed ones, refused rows with their reason) and moves {@code rowsDone}: a row is wholly imported or not at all, and
 * a job interrupted anywhere (a restart, a database outage) continues from its last committed batch — the next start, or
 * the resume sweep, takes it up. The same row imported twice changes nothing (the natural key or the unit's id finds
 * the official; equal values are no change).
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportJobRepository jobs;
    private final ImportRejectionRepository rejections;
    private final OfficialRepository officials;
    private final OfficialHistory history;
    private final Communities communities;
    private final CadreEvents events;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;
    private final Vertx vertx;
    /** The jobs this instance is running, so the resume sweep does not start a second loop on one. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    ImportWorker(ImportJobRepository jobs, ImportRejectionRepository rejections, OfficialRepository officials,
            OfficialHistory history, Communities communities, CadreEvents events, AuditTrail audit, CadreConfig config,
            Clock clock, Vertx vertx) {
        this.jobs = jobs;
        this.rejections = rejections;
        this.officials = officials;
        this.history = history;
        this.communities = communities;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    /** Starts the job's batches off the request, on a context of their own; the request has answered 202. */
    public void start(UUID jobId) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> run(jobId).subscribe().with(done -> {
        }, failure -> {
        }));
    }

    @Scheduled(identity = "cadre-import-resume", every = "${lookout.cadre.imports.resume-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return resumeAll();
    }

    /** Takes up every job left running (by a restart or a failure), one after the other. */
    public Uni<Void> resumeAll() {
        return Panache.withSession(jobs::running).chain(ids -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                chain = chain.chain(() -> run(id));
            }
            return chain;
        });
    }

    /** Batches until the job ends or a batch fails (logged; the resume sweep tries again). */
    Uni<Void> run(UUID jobId) {
        if (!running.add(jobId)) {
            return Uni.createFrom().voidItem();
        }
        return loop(jobId)
                .onFailure().invoke(failure -> LOG.warnf("import job %s stopped after a failed batch (%s: %s);"
                        + " it is resumed later", jobId, failure.getClass().getName(), failure.getMessage()))
                .onFailure().recoverWithNull()
                .eventually(() -> running.remove(jobId)).replaceWithVoid();
    }

    private Uni<Void> loop(UUID jobId) {
        return batch(jobId).chain(more -> more ? loop(jobId) : Uni.createFrom().voidItem());
    }

    /** One batch in one transaction; answers whether rows remain. */
    public Uni<Boolean> batch(UUID jobId) {
        return Panache.withTransaction(() -> jobs.lock(jobId).chain(job -> {
            if (job == null || !job.running()) {
                return Uni.createFrom().item(false);
            }
            ImportFile file = ImportFile.read(job.content, job.charset);
            int from = job.rowsDone;
            int to = Math.min(from + config.imports().batchSize(), file.rows.size());
            List<ImportRow> rows = file.rows.subList(from, to).stream().map(row -> ImportRow.of(file, row)).toList();
            return importRows(job, rows).chain(counts -> {
                job.batchDone(to - from, counts.imported, counts.updated, counts.unchanged, counts.rejected.size(),
                        clock.instant());
                return rejections.add(job.id, counts.rejected)
                        .chain(() -> audit.append(new AuditEntry(job.startedBy, Roles.INSPECTOR, "IMPORT_BATCH",
                                "import job " + job.id + " rows " + (from + 1) + "-" + to + ": " + counts.imported
                                        + " imported, " + counts.updated + " updated, " + counts.rejected.size()
                                        + " refused", null)))
                        .invoke(() -> LOG.infof("import job %s: %d of %d rows done", job.id, job.rowsDone,
                                job.totalRows))
                        .replaceWith(job.running());
            });
        }));
    }

    /** What a batch did. */
    private static final class Counts {
        int imported;
        int updated;
        int unchanged;
        final List<ImportRow> rejected = new ArrayList<>();
    }

    private Uni<Counts> importRows(ImportJob job, List<ImportRow> rows) {
        Counts counts = new Counts();
        List<ImportRow> valid = new ArrayList<>();
        for (ImportRow row : rows) {
            (row.rejected() ? counts.rejected : valid).add(row);
        }
        List<String> codes = valid.stream().map(row -> row.form().communityCode()).distinct().toList();
        return communities.known(codes).chain(known -> {
            List<ImportRow> inScope = new ArrayList<>();
            for (ImportRow row : valid) {
                Community community = known.get(row.form().communityCode());
                if (community == null) {
                    counts.rejected.add(ImportRow.rejected(row.line(), "community " + row.form().communityCode()
                            + " is unknown"));
                } else if (!job.streetSet().contains(community.streetCode)) {
                    counts.rejected.add(ImportRow.rejected(row.line(), "community " + row.form().communityCode()
                            + " is outside your streets"));
                } else {
                    inScope.add(row);
                }
            }
            List<String> ids = inScope.stream().map(row -> row.form().externalId()).filter(Objects::nonNull).toList();
            List<String> keys = inScope.stream().map(row -> key(row.form())).toList();
            return officials.matching(ids, keys).chain(existing -> apply(job, inScope, existing, counts));
        }).invoke(() -> counts.rejected.sort(java.util.Comparator.comparingInt(ImportRow::line)));
    }

    private Uni<Counts> apply(ImportJob job, List<ImportRow> rows, List<Official> existing, Counts counts) {
        Map<String, Official> byId = new HashMap<>();
        Map<String, Official> byKey = new HashMap<>();
        existing.forEach(official -> {
            if (official.externalId != null) {
                byId.put(official.externalId, official);
            }
            byKey.put(official.naturalKey, official);
        });
        Instant now = clock.instant();
        List<Official> created = new ArrayList<>();
        Map<Official, Map<String, Official.Change>> changed = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            Official.Form form = row.form();
            String key = key(form);
            Official match = form.externalId() == null ? null : byId.get(form.externalId());
            if (match == null) {
                match = byKey.get(key);
            }
            if (match == null) {
                Official official = Official.register(form, RegistrationSource.IMPORT, now);
                created.add(official);
                byKey.put(key, official);
                if (official.externalId != null) {
                    byId.put(official.externalId, official);
                }
                counts.imported++;
                continue;
            }
            Official holder = byKey.get(key);
            if (holder != null && holder != match) {
                counts.rejected.add(ImportRow.rejected(row.line(),
                        "another official has this name, employer and community"));
                continue;
            }
            if (form.externalId() != null && match.externalId != null && !match.externalId.equals(form.externalId())) {
                counts.rejected.add(ImportRow.rejected(row.line(), "id differs from the one registered for this official"));
                continue;
            }
            String oldKey = match.naturalKey;
            Map<String, Official.Change> changes = new LinkedHashMap<>(match.edit(form, now));
            if (match.status == OfficialStatus.PENDING) {
                changes.put("status", match.moveTo(OfficialStatus.ACTIVE, now));
            }
            if (changes.isEmpty()) {
                counts.unchanged++;
                continue;
            }
            byKey.remove(oldKey);
            byKey.put(match.naturalKey, match);
            if (!changed.containsKey(match)) {
                counts.updated++;
            }
            changed.merge(match, changes, (before, after) -> {
                before.putAll(after);
                return before;
            });
        }
        List<OfficialChange> entries = new ArrayList<>();
        created.forEach(official -> entries.add(OfficialChange.of(official.id, now, job.startedBy, Roles.INSPECTOR,
                OfficialChange.IMPORTED, history.write(Map.of("importJob", new Official.Change(null, job.id.toString()))))));
        changed.forEach((official, changes) -> entries.add(OfficialChange.of(official.id, now, job.startedBy,
                Roles.INSPECTOR, OfficialChange.EDITED, history.write(changes))));
        Uni<Void> chain = (created.isEmpty() ? Uni.createFrom().voidItem() : officials.persist(created))
                .chain(() -> entries.isEmpty() ? Uni.createFrom().voidItem() : history.recordAll(entries));
        for (Official official : created) {
            chain = chain.chain(() -> events.registered(official));
        }
        for (Map.Entry<Official, Map<String, Official.Change>> change : changed.entrySet()) {
            chain = chain.chain(() -> events.changed(change.getKey(), List.copyOf(change.getValue().keySet())));
        }
        return chain.replaceWith(counts);
    }

    private static String key(Official.Form form) {
        return Official.naturalKey(form.name(), form.employer(), form.communityCode());
    }
}
