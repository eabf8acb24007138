package org.lookout.cadre.tipoff;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.lookout.cadre.audit.AuditLog;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.AuditEntry;
import org.lookout.cadre.domain.TipOff;
import org.lookout.cadre.messaging.outgoing.TipOffEvents;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Tip-offs about officials: taken from cadre-conduct reports, read by inspectors only, every read audited. */
@ApplicationScoped
public class TipOffService {

    private static final Logger LOG = Logger.getLogger(TipOffService.class);

    private final TipOffRepository tipOffs;
    private final AuditLog auditLog;
    private final TipOffEvents events;
    private final CadreConfig config;
    private final Clock clock;

    TipOffService(TipOffRepository tipOffs, AuditLog auditLog, TipOffEvents events, CadreConfig config, Clock clock) {
        this.tipOffs = tipOffs;
        this.auditLog = auditLog;
        this.events = events;
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
        return tipOffs.insertIfAbsent(TipOff.received(eventId, report))
                .invoke(stored -> LOG.infof(stored ? "tip-off recorded for report %s" : "report %s has a tip-off already",
                        report.reportId()))
                .replaceWithVoid();
    }

    /** Newest first; the read and its audit entry commit together, so no read goes unrecorded. */
    @WithTransaction
    public Uni<List<TipOff>> list(String readerSubject) {
        return tipOffs.newest(config.tipOffPageLimit())
                .call(read -> auditLog.record(readerSubject, AuditEntry.READ_TIP_OFFS,
                        "tip-offs (" + read.size() + " shown)"));
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
                .invoke(tipOff -> tipOff.forward(clock.instant(), inspectorSubject, accusedHeadsReceivingBody))
                .call(() -> auditLog.record(inspectorSubject, AuditEntry.FORWARD_TIP_OFF, "tip-off " + id))
                .call(events::forwarded)
                .invoke(tipOff -> LOG.infof("tip-off %s forwarded", tipOff.id));
    }
}
