package org.lookout.complaint.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditPeriod;
import org.lookout.audit.AuditReport;
import org.lookout.audit.AuditTrail;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Verifies the chain, answers the period's rows, then records who read them. */
@ApplicationScoped
public class AuditService {

    /** Most rows one report answers. */
    static final int MAX_ROWS = 1000;

    private final AuditTrail trail;

    AuditService(AuditTrail trail) {
        this.trail = trail;
    }

    public Uni<AuditReport> report(AuditPeriod period, Caller caller) {
        return trail.report(period, MAX_ROWS)
                .call(report -> Panache.withTransaction(() -> trail.append(AuditEntry.of(caller, "READ_AUDIT",
                        "audit " + period.from() + " to " + period.to(), null))));
    }
}
