package org.lookout.security.outbound;

/** An address this platform will not call; the message says why, in words a caller can act on (no stack trace needed). */
public class UnsafeUrlException extends IllegalArgumentException {

    public UnsafeUrlException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
