package org.lookout.cadre.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.AuditEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuditLogRepository implements PanacheRepositoryBase<AuditEntry, Long> {
}
