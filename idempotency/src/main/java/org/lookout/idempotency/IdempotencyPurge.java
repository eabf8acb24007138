package org.lookout.idempotency;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Removes keys past their retention, so a key is kept at least {@code lookout.idempotency.retention}. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;

    IdempotencyPurge(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(every = "${lookout.idempotency.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return store.purge(OffsetDateTime.now(ZoneOffset.UTC))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.debugf("purged %d expired idempotency keys", count);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("purging idempotency keys failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
