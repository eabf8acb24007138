package org.lookout.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The service's audit chain. {@link #append} joins the caller's transaction, so a read or a change and its row commit
 * together (nothing is read unrecorded); it locks the chain head until that transaction ends, so append it as the last
 * lock a transaction takes. {@link #report} verifies the whole chain and answers the rows of a period with the verdict.
 * Needs a {@link Clock} bean (every service produces one).
 */
@ApplicationScoped
public class AuditTrail {

    /** Rows read per query while verifying. */
    static final int PAGE = 1000;

    private final AuditChainRepository chain;
    private final Clock clock;

    AuditTrail(AuditChainRepository chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    /** Appends the entry behind the last row, inside the current transaction (one is opened when there is none). */
    public Uni<AuditRow> append(AuditEntry entry) {
        return Panache.withTransaction(() -> chain.lockHead().chain(head -> {
            AuditRow row = AuditChain.seal(head.seq() + 1, clock.instant(), entry, head.hash());
            return chain.insert(row).replaceWith(row);
        }));
    }

    /** The rows of the period (at most {@code maxRows}) and the verdict on the chain as it stands. */
    public Uni<AuditReport> report(AuditPeriod period, int maxRows) {
        return report(period.from(), period.to(), maxRows);
    }

    /** The rows of {@code [from, to)} (at most {@code maxRows}) and the verdict on the chain as it stands. */
    public Uni<AuditReport> report(Instant from, Instant to, int maxRows) {
        return Panache.withSession(() -> chain.head().chain(head -> verify(head)
                .chain(verdict -> chain.between(from, to, head.seq(), maxRows + 1)
                        .map(rows -> new AuditReport(from, to, rows.size() > maxRows ? rows.subList(0, maxRows) : rows,
                                rows.size() > maxRows, verdict)))));
    }

    /** Verifies every row up to the head read at the start; rows appended meanwhile are for the next verification. */
    public Uni<Verdict> verify() {
        return Panache.withSession(() -> chain.head().chain(head -> verify(head)));
    }

    private Uni<Verdict> verify(AuditChainRepository.Head head) {
        Map<String, Long> located = new HashMap<>();
        ChainVerifier verifier = new ChainVerifier(hash -> Optional.ofNullable(located.get(hash)));
        return pages(0, head.seq(), verifier, located).map(ignored -> verifier.finish(head.seq(), head.hash()));
    }

    private Uni<Void> pages(long after, long last, ChainVerifier verifier, Map<String, Long> located) {
        return chain.page(after, last, PAGE).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return chain.locate(rows.stream().map(AuditRow::prevHash).distinct().toList()).chain(found -> {
                located.clear();
                located.putAll(found);
                for (AuditRow row : rows) {
                    if (!verifier.check(row)) {
                        return Uni.createFrom().voidItem();
                    }
                }
                return rows.size() < PAGE ? Uni.createFrom().voidItem()
                        : pages(rows.get(rows.size() - 1).seq(), last, verifier, located);
            });
        });
    }

    /** For tests and tools: the rows as the verifier reads them. */
    Uni<List<AuditRow>> all() {
        return Panache.withSession(() -> chain.head().chain(head -> chain.page(0, head.seq(), Integer.MAX_VALUE)));
    }
}
