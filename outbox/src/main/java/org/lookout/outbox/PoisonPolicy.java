package org.lookout.outbox;

/** How many tries an event that fails for a reason other than an outage gets, and the waits between them. */
public record PoisonPolicy(int attempts, Backoff backoff) {

    public PoisonPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("a poison policy needs at least 1 attempt, got " + attempts);
        }
    }
}
