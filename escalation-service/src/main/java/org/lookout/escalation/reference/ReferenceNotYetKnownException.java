package org.lookout.escalation.reference;

import org.lookout.outbox.RetryableConsumerException;

/**
 * An event names a taxonomy item or a community whose copy has not arrived from complaint-service yet: the event is
 * tried again until it has, never applied with a guess and never parked on the dead-letter topic.
 */
public class ReferenceNotYetKnownException extends RetryableConsumerException {

    ReferenceNotYetKnownException(String what) {
        super(what + " is not known yet: its copy has not arrived from lookout.complaint.reference.v1");
    }
}
