package org.lookout.cadre.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.AuditEntry;
import org.lookout.cadre.domain.TipOff;
import org.lookout.cadre.domain.TipOffStatus;
import org.lookout.cadre.repository.AuditLogRepository;
import org.lookout.cadre.repository.TipOffRepository;
import org.lookout.contracts.ComplaintSubmitted;

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

    TipOffService(TipOffRepository tipOffs, AuditLogRepository auditLog, CadreConfig config, Clock clock) {
        this.tipOffs = tipOffs;
        this.auditLog = auditLog;
        this.config = config;
        this.clock = clock;
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

    private AuditEntry audit(String actor, String action, String target) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        return entry;
    }
}
