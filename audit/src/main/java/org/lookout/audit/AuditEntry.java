package org.lookout.audit;

import java.util.Objects;

import org.lookout.security.Caller;

/**
 * What is appended to the audit chain: who (the OIDC subject, accountable by design, and the role they acted in), what
 * (an action and its target: ids, never personal data) and why (the reason the caller gave, or null for a change that
 * needs none).
 */
public record AuditEntry(String actor, String role, String action, String target, String reason) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }

    public static AuditEntry of(Caller caller, String action, String target, String reason) {
        return new AuditEntry(caller.subject(), caller.actingRole().orElse(null), action, target, reason);
    }

    /** A change made by the service itself (a consumer, a scheduler), not by a person. */
    public static AuditEntry bySystem(String system, String action, String target) {
        return new AuditEntry(system, null, action, target, null);
    }
}
