package org.lookout.audit;

import java.time.Instant;
import java.util.List;

/**
 * The rows written between two instants and the verdict on the whole chain (not only on those rows: a row deleted
 * before {@code from} breaks what follows it too).
 *
 * @param truncated more rows were written in the period than {@code rows} holds
 */
public record AuditReport(Instant from, Instant to, List<AuditRow> rows, boolean truncated, Verdict verdict) {
}
