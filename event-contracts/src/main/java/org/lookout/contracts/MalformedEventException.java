package org.lookout.contracts;

/** A record that is not a valid Lookout CloudEvent; consumers send it to their dead-letter topic and carry on. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
