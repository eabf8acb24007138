package org.lookout.escalation.clock;

import java.time.Instant;

import jakarta.inject.Singleton;

import org.lookout.escalation.config.MovableClock;

import io.quarkus.vertx.VertxContextSupport;

/** The SLA sweep as tests run it: the application's clock set where the test wants it, swept until nothing is left. */
@Singleton
public class SlaSweeps {

    private final SlaScheduler scheduler;
    private final MovableClock clock;

    SlaSweeps(SlaScheduler scheduler, MovableClock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Sweeps with the application's clock at {@code at} until no clock is left to warn or breach (one batch each). */
    public void at(Instant at) throws Throwable {
        clock.set(at);
        SlaScheduler.Sweep sweep;
        do {
            sweep = VertxContextSupport.subscribeAndAwait(scheduler::sweep);
        } while (sweep.warned() + sweep.breached() > 0);
    }
}
