package org.lookout.outbox;

/**
 * A valid event that cannot apply yet because something it needs has not arrived — for example the copy of a taxonomy
 * item that another topic carries. {@link ConsumerFailure} treats it as an outage: the record is tried again with
 * back-off until it applies, in its place, and never goes to the dead-letter topic. The message is logged with every
 * failed attempt, so it names references only (codes, ids), never personal data.
 */
public class RetryableConsumerException extends RuntimeException {

    public RetryableConsumerException(String message) {
        super(message, null, false, false);
    }
}
