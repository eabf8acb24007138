package org.lookout.cadre.imports;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The rows a job refused, with the reason: SQL on {@code import_rejection}. */
@ApplicationScoped
public class ImportRejectionRepository {

    public record Rejection(int line, String reason) {
    }

    public Uni<Void> add(UUID jobId, List<ImportRow> rejected) {
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (ImportRow row : rejected) {
                chain = chain.chain(() -> session.createNativeQuery("insert into import_rejection (job_id, line, reason)"
                        + " values (:job, :line, :reason) on conflict do nothing")
                        .setParameter("job", jobId)
                        .setParameter("line", row.line())
                        .setParameter("reason", row.rejection())
                        .executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }

    public Uni<List<Rejection>> of(UUID jobId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select line, reason from import_rejection where job_id = :job order by line",
                        Object[].class)
                .setParameter("job", jobId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Rejection(((Number) row[0]).intValue(), (String) row[1]))
                        .toList());
    }
}
