package org.lookout.cadre.audit;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.AuditEntry;

import io.smallrye.mutiny.Uni;

/**
 * Who read or did what, when (ARCHITECTURE §7). Runs inside the caller's transaction, so a read or a change and its
 * entry commit together: nothing is read unrecorded.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditLogRepository entries;
    private final Clock clock;

    AuditLog(AuditLogRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** @param actor the OIDC subject of the reader: an inspector's account, accountable by design */
    public Uni<Void> record(String actor, String action, String target) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        return entries.persist(entry).replaceWithVoid();
    }
}
