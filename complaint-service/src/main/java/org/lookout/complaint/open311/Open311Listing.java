package org.lookout.complaint.open311;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Lists committed changes in the update feed every few seconds, so that an update's {@code updated_datetime} stays
 * within seconds of the change even when nobody polls (every read of the feed lists them too).
 */
@ApplicationScoped
public class Open311Listing {

    private static final Logger LOG = Logger.getLogger(Open311Listing.class);

    private final Open311Service open311;

    Open311Listing(Open311Service open311) {
        this.open311 = open311;
    }

    @Scheduled(identity = "open311-listing", every = "${lookout.complaint.open311.listing-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> list() {
        return open311.listCommitted()
                .onFailure().invoke(e -> LOG.warnf("listing committed changes in the Open311 feed failed: %s",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
