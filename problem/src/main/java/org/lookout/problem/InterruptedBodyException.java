package org.lookout.problem;

import java.io.IOException;

/**
 * Reading the request body failed below the parser (the connection was reset or closed, the read timed out): the
 * caller stopped sending, so this is the caller's side, whatever the cause's words are.
 */
final class InterruptedBodyException extends IOException {

    InterruptedBodyException(IOException cause) {
        super("the request body stopped before its end", cause);
    }
}
