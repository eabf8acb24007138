package org.lookout.cadre.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditPeriod;
import org.lookout.audit.AuditReport;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Verifies the chain, answers the period's rows, then records that the inspector read them. */
@ApplicationScoped
public class AuditService {

    private final AuditTrail trail;
    private final CadreConfig config;

    AuditService(AuditTrail trail, CadreConfig config) {
        this.trail = trail;
        this.config = config;
    }

    public Uni<AuditReport> report(AuditPeriod period, Caller caller) {
        return trail.report(period, config.auditReportMaxRows())
                .call(report -> Panache.withTransaction(() -> trail.append(AuditEntry.of(caller, "READ_AUDIT",
                        "audit " + period.from() + " to " + period.to(), null))));
    }
}
