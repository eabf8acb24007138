package org.lookout.cadre.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.archive.ArchiveService;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.Notice;
import org.lookout.cadre.domain.SupervisionRecord;
import org.lookout.cadre.domain.SupervisionStatus;
import org.lookout.cadre.messaging.outgoing.CadreEvents;
import org.lookout.cadre.official.OfficialAccess;
import org.lookout.cadre.reference.Communities;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.Disposition;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.EscalationTrigger;
import org.lookout.contracts.SupervisionSource;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * 监督信息: records from cadre-conduct reports, notice comments and information officers; read and handled by inspectors
 * of the record's street only, every read audited with its reason. An inspector accepts a record (受理), links it to a
 * registered official, records findings, concludes it in-house or forwards it to the discipline organ, whose outcome
 * (from escalation-service's events) concludes it; a substantiated record leaves a CONCERN in the official's archive.
 * Who filed a comment or an entry is kept nowhere; filings are audited without the filer.
 */
@ApplicationScoped
public class SupervisionService {

    /** Who the audit names for a filing: the registry keeps nothing that identifies the filer. */
    static final String WITHHELD = "reporter (withheld)";
    /** Who the audit names for what the discipline organ decided (through escalation-service's events). */
    static final String DISCIPLINE_ORGAN = "discipline-organ";

    private static final Logger LOG = Logger.getLogger(SupervisionService.class);

    private final SupervisionRepository records;
    private final SupervisionDeadlines deadlines;
    private final OfficialAccess officials;
    private final Communities communities;
    private final ArchiveService archive;
    private final CadreEvents events;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;

    SupervisionService(SupervisionRepository records, SupervisionDeadlines deadlines, OfficialAccess officials,
            Communities communities, ArchiveService archive, CadreEvents events, AuditTrail audit, CadreConfig config,
            Clock clock) {
        this.records = records;
        this.deadlines = deadlines;
        this.officials = officials;
        this.communities = communities;
        this.archive = archive;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    // --- how records come in

    /**
     * A {@code cadre-conduct} report becomes a record, once; any other report is no concern of this service. Runs in
     * the consuming transaction; its deadlines follow from the time-limit sweep.
     */
    public Uni<Void> reportReceived(String eventId, ComplaintSubmitted report) {
        if (!config.tipOffItemCode().equals(report.itemCode())) {
            return Uni.createFrom().voidItem();
        }
        return records.ofReport(report.reportId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("report %s has a supervision record already", report.reportId());
                return Uni.createFrom().voidItem();
            }
            SupervisionRecord record = SupervisionRecord.ofReport(eventId, report);
            return store(record, AuditEntry.bySystem("complaint-service", "RECORD_SUPERVISION", target(record)))
                    .invoke(() -> LOG.infof("supervision record %s from report %s", record.id, report.reportId()));
        });
    }

    /** 201: an information officer files supervision information about their community; they get a tracking code. */
    public Uni<SupervisionRecord> file(String text, Caller caller) {
        String community = caller.community().orElseThrow(() -> ProblemException.forbidden(
                "an information officer files about the community in their token; this token names none"));
        Instant at = clock.instant();
        SupervisionRecord record = SupervisionRecord.filed(SupervisionSource.INFORMATION_OFFICER, community, at,
                text.strip(), true, null);
        return deadlines.of(at).chain(limits -> Panache.withTransaction(() -> {
            limits.ifPresent(found -> found.applyTo(record));
            return store(record, new AuditEntry(WITHHELD, caller.actingRole().orElse(null), "FILE_SUPERVISION",
                    target(record), null));
        })).replaceWith(record);
    }

    /** A comment on a notice becomes a record, in the notice feature's transaction. */
    public Uni<SupervisionRecord> commented(Notice notice, String text, boolean anonymous, String role,
            Optional<SupervisionDeadlines.Limits> limits, Instant at) {
        SupervisionRecord record = SupervisionRecord.filed(SupervisionSource.NOTICE_COMMENT, notice.communityCode, at,
                text, !anonymous, notice.id);
        limits.ifPresent(found -> found.applyTo(record));
        return store(record, new AuditEntry(WITHHELD, role, "COMMENT_ON_NOTICE",
                "notice " + notice.id + " " + target(record), null)).replaceWith(record);
    }

    // --- reading

    @WithTransaction
    public Uni<List<SupervisionRecord>> list(Caller caller, String reason, SupervisionStatus status, boolean overdue,
            int page) {
        return communities.inStreets(caller.streets())
                .chain(codes -> codes.isEmpty() ? Uni.createFrom().item(List.<SupervisionRecord>of())
                        : records.inCommunities(codes, status, overdue, page, config.pageLimit()))
                .call(found -> audit.append(AuditEntry.of(caller, "READ_SUPERVISION",
                        "supervision records (" + found.size() + " shown)", reason)));
    }

    @WithTransaction
    public Uni<SupervisionRecord> get(UUID id, Caller caller, String reason) {
        return toInspect(id, caller, false)
                .call(record -> audit.append(AuditEntry.of(caller, "READ_SUPERVISION_RECORD", target(record), reason)));
    }

    /** What a filer's tracking code shows; 404 for a code that is not one. */
    @WithSession
    public Uni<TrackingView> track(String code) {
        return records.byTrackingCode(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("tracking code"))
                .map(record -> new TrackingView(record.status.publicStatus(), record.receivedAt));
    }

    // --- an inspector's handling

    @WithTransaction
    public Uni<SupervisionRecord> accept(UUID id, Caller caller) {
        return change(id, caller, "ACCEPT_SUPERVISION", record -> record.accept(clock.instant(), caller.subject()))
                .call(events::accepted);
    }

    @WithTransaction
    public Uni<SupervisionRecord> link(UUID id, UUID officialId, Caller caller) {
        return toInspect(id, caller, true).chain(record -> officials.toInspect(officialId, caller)
                .onFailure(ProblemException.class).transform(missing -> ProblemException.unprocessable("officialId",
                        "is not a registered official of your streets"))
                .chain(official -> {
                    record.officialId = official.id;
                    // a record concluded as substantiated before it was linked leaves its concern now
                    return archive.concernOf(record)
                            .chain(() -> audit.append(AuditEntry.of(caller, "LINK_SUPERVISION", target(record)
                                    + " official " + official.id, null)))
                            .replaceWith(record);
                }));
    }

    @WithTransaction
    public Uni<SupervisionRecord> recordFindings(UUID id, String findings, Caller caller) {
        return change(id, caller, "RECORD_FINDINGS", record -> {
            if (record.status == SupervisionStatus.CONCLUDED) {
                throw ProblemException.illegalTransition(record.status, "record findings",
                        SupervisionRecord.TRANSITIONS.next(record.status));
            }
            record.findings = findings;
        });
    }

    @WithTransaction
    public Uni<SupervisionRecord> conclude(UUID id, Disposition disposition, String summary, boolean substantiated,
            Caller caller) {
        return change(id, caller, "CONCLUDE_SUPERVISION",
                record -> record.conclude(clock.instant(), caller.subject(), disposition, summary, substantiated))
                .call(archive::concernOf)
                .call(events::concluded);
    }

    /** To the discipline organ: the tip-off event, from which escalation-service opens the escalation. */
    @WithTransaction
    public Uni<SupervisionRecord> forward(UUID id, boolean accusedHeadsReceivingBody, Caller caller) {
        return change(id, caller, "FORWARD_SUPERVISION",
                record -> record.forward(clock.instant(), caller.subject(), accusedHeadsReceivingBody))
                .call(events::forwarded);
    }

    // --- what the discipline organ decided (escalation-service's events; in the consuming transaction)

    /** The escalation opened for a forwarded record: remembered, so its outcome finds the record. */
    public Uni<Void> escalationOpened(EscalationOpened opened) {
        if (opened.trigger() != EscalationTrigger.TIP_OFF) {
            return Uni.createFrom().voidItem();
        }
        return records.lockByEscalationReference(opened.reportId()).chain(record -> {
            if (record == null || record.status != SupervisionStatus.FORWARDED) {
                return Uni.createFrom().voidItem();
            }
            record.escalationId = opened.escalationId();
            return Uni.createFrom().voidItem();
        });
    }

    /** The organ resolved it: its outcome concludes the record; a substantiating outcome writes the archive entry. */
    public Uni<Void> escalationResolved(EscalationChanged changed) {
        if (changed.escalationStatus() != EscalationState.RESOLVED || changed.outcome() == null) {
            return Uni.createFrom().voidItem();
        }
        return organ(changed, record -> record.organResolved(clock.instant(), changed.outcome(),
                config.substantiatedOutcomes().contains(changed.outcome())), "RECORD_ORGAN_OUTCOME")
                .chain(record -> record == null ? Uni.createFrom().voidItem()
                        : archive.concernOf(record).chain(() -> events.concluded(record)));
    }

    /** The organ returned it as not its responsibility: the record is handled here again. */
    public Uni<Void> escalationReturned(EscalationChanged changed) {
        if (changed.escalationStatus() != EscalationState.RETURNED) {
            return Uni.createFrom().voidItem();
        }
        return organ(changed, SupervisionRecord::organReturned, "RECORD_ORGAN_RETURN").replaceWithVoid();
    }

    // ---

    private Uni<SupervisionRecord> organ(EscalationChanged changed, Consumer<SupervisionRecord> apply, String action) {
        return records.lockByEscalation(changed.escalationId()).chain(record -> {
            if (record == null || record.status != SupervisionStatus.FORWARDED) {
                return Uni.createFrom().nullItem();
            }
            apply.accept(record);
            return audit.append(AuditEntry.bySystem(DISCIPLINE_ORGAN, action, target(record))).replaceWith(record);
        });
    }

    private Uni<Void> store(SupervisionRecord record, AuditEntry audited) {
        return records.persist(record).chain(() -> events.recorded(record)).chain(() -> audit.append(audited))
                .replaceWithVoid();
    }

    private Uni<SupervisionRecord> change(UUID id, Caller caller, String action, Consumer<SupervisionRecord> apply) {
        return toInspect(id, caller, true).invoke(apply)
                .call(record -> audit.append(AuditEntry.of(caller, action, target(record), null)));
    }

    /** The record, for an inspector of its community's street (locked when it is to change); else 404. */
    private Uni<SupervisionRecord> toInspect(UUID id, Caller caller, boolean lock) {
        return (lock ? records.lock(id) : records.findById(id))
                .chain(record -> record == null ? Uni.createFrom().<SupervisionRecord> nullItem()
                        : officials.inspects(caller, record.communityCode).map(allowed -> allowed ? record : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("supervision record " + id));
    }

    static String target(SupervisionRecord record) {
        return "supervision record " + record.id;
    }
}
