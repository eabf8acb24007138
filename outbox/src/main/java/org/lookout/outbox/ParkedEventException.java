package org.lookout.outbox;

import java.time.Instant;

/**
 * An event the consumer gave up on: the failure the {@link EventRouter} hands to the channel's failure handler
 * ({@link DeadLetterHandler}), carrying what the parked record's headers say. Its message names the code and the
 * attempts only; the failure that decided it is its cause, for the log, never for the topic.
 *
 * @param eventType the event's {@code ce_type}, null when the record is not a valid event
 * @param eventId the event's {@code ce_id}, null when the record is not a valid event
 */
public class ParkedEventException extends RuntimeException {

    private final DeadLetterCode code;
    private final String eventType;
    private final String eventId;
    private final int attempts;
    private final Instant firstFailure;
    private final Instant lastFailure;

    public ParkedEventException(DeadLetterCode code, String eventType, String eventId, int attempts,
            Instant firstFailure, Instant lastFailure, Throwable cause) {
        super("parked after " + attempts + " attempt(s): " + code.code(), cause, false, false);
        this.code = code;
        this.eventType = eventType;
        this.eventId = eventId;
        this.attempts = attempts;
        this.firstFailure = firstFailure;
        this.lastFailure = lastFailure;
    }

    /** What the failure handler makes of a failure that did not come from a router: one attempt, now. */
    static ParkedEventException of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ParkedEventException parked) {
                return parked;
            }
        }
        Instant now = Instant.now();
        return new ParkedEventException(DeadLetterCode.of(failure), null, null, 1, now, now, failure);
    }

    public DeadLetterCode code() {
        return code;
    }

    public String eventType() {
        return eventType;
    }

    public String eventId() {
        return eventId;
    }

    public int attempts() {
        return attempts;
    }

    public Instant firstFailure() {
        return firstFailure;
    }

    public Instant lastFailure() {
        return lastFailure;
    }
}
