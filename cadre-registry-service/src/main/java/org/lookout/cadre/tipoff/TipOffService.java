package org.lookout.cadre.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.AuditEntry;
import org.lookout.cadre.domain.TipOff;
import org.lookout.cadre.domain.TipOffStatus;
import org.lookout.cadre.repository.AuditLogRepository;
import org.lookout.cadre.repository.TipOffRepository;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.contracts.TipOffForwarded;
import org.lookout.outbox.Outbox;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Tip-offs about officials: taken from cadre-conduct reports, read by inspectors only, every read audited. */
@ApplicationScoped
public class TipOffService {

    private static final Logger LOG = Logger.getLogger(TipOffService.class);

    private final TipOffRepository tipOffs;
    private final AuditLogRepository auditLog;
    private final CadreConfig config;
    private final Clock clock;
    private final Outbox outbox;

    TipOffService(TipOffRepository tipOffs, AuditLogRepository auditLog, CadreConfig config, Clock clock,
            Outbox outbox) {
        this.tipOffs = tipOffs;
        this.auditLog = auditLog;
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * Records a tip-off when the report is about an official's conduct; any other report is no concern of this service.
     * Runs inside the consuming transaction.
     */
    public Uni<Void> reportReceived(String eventId, ComplaintSubmitted report) {
        if (!config.tipOffItemCode().equals(report.itemCode())) {
            return Uni.createFrom().voidItem();
        }
        TipOff tipOff = new TipOff();
        tipOff.id = UUID.randomUUID();
        tipOff.reportId = report.reportId();
        tipOff.trackingNumber = report.trackingNumber();
        tipOff.communityCode = report.communityCode();
        tipOff.receivedAt = report.receivedAt();
        tipOff.status = TipOffStatus.RECEIVED;
        tipOff.sourceEventId = eventId;
        return tipOffs.insertIfAbsent(tipOff)
                .invoke(stored -> LOG.infof(stored ? "tip-off recorded for report %s" : "report %s has a tip-off already",
                        report.reportId()))
                .replaceWithVoid();
    }

    /** Newest first; the read and its audit entry commit together, so no read goes unrecorded. */
    @WithTransaction
    public Uni<List<TipOff>> list(String readerSubject) {
        return tipOffs.newest(config.tipOffPageLimit())
                .call(read -> auditLog.persist(audit(readerSubject, AuditEntry.READ_TIP_OFFS,
                        "tip-offs (" + read.size() + " shown)")));
    }

    /**
     * Forwards a tip-off to the discipline organs, once: the change, its audit entry and the
     * {@code lookout.cadre.tip-off-forwarded.v1} event (references only) commit together. The row is locked so two
     * inspectors forwarding at once give one event and one {@code 409}.
     */
    @WithTransaction
    public Uni<TipOff> forward(UUID id, boolean accusedHeadsReceivingBody, String inspectorSubject) {
        return tipOffs.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("tip-off " + id))
                .call(tipOff -> {
                    if (tipOff.status != TipOffStatus.RECEIVED) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "tip-off " + id + " is " + tipOff.status + "; only a RECEIVED tip-off can be forwarded"));
                    }
                    tipOff.status = TipOffStatus.FORWARDED;
                    tipOff.forwardedAt = clock.instant();
                    tipOff.forwardedBy = inspectorSubject;
                    tipOff.accusedHeadsReceivingBody = accusedHeadsReceivingBody;
                    return auditLog.persist(audit(inspectorSubject, AuditEntry.FORWARD_TIP_OFF, "tip-off " + id))
                            .chain(() -> outbox.append(EventType.CADRE_TIP_OFF_FORWARDED.topic(),
                                    tipOff.reportId.toString(), forwardedEvent(tipOff)));
                })
                .invoke(tipOff -> LOG.infof("tip-off %s forwarded", tipOff.id));
    }

    private CloudEvent forwardedEvent(TipOff tipOff) {
        TipOffForwarded payload = new TipOffForwarded(tipOff.id, tipOff.reportId, tipOff.trackingNumber,
                config.tipOffItemCode(), tipOff.communityCode, tipOff.accusedHeadsReceivingBody, tipOff.forwardedAt);
        String key = tipOff.reportId.toString();
        return CloudEvent.of(config.eventSource(), EventType.CADRE_TIP_OFF_FORWARDED, key, tipOff.forwardedAt, payload);
    }

    private AuditEntry audit(String actor, String action, String target) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        return entry;
    }
}
