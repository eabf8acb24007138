package org.lookout.audit;

import java.time.Instant;

/** One row of the chain as stored: its number, the entry, the hash of the row before it and its own hash. */
public record AuditRow(long seq, Instant at, String actor, String role, String action, String target, String reason,
        String prevHash, String hash) {
}
