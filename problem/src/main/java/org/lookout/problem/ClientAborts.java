package org.lookout.problem;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;

/**
 * A failure that only says the caller went away mid-request (a cut upload, a client that gave up): nothing to answer
 * and no defect to trace. Either the body could not be read to its end, or the failure is one of the ways Vert.x, Netty
 * and the JDK report a closed connection while the caller's connection is indeed closed (the same words can come from
 * the database's connection, which is a defect worth its stack trace).
 */
final class ClientAborts {

    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.MultipartParser";

    private ClientAborts() {
    }

    static boolean isClientAbort(Throwable failure, boolean callerConnectionClosed) {
        List<Throwable> causes = Causes.of(failure);
        if (causes.stream().anyMatch(InterruptedBodyException.class::isInstance)) {
            return true;
        }
        return callerConnectionClosed
                && causes.stream().anyMatch(cause -> saysClosed(cause) || isTornDownMultipartParse(cause));
    }

    /**
     * Quarkus REST parses a multipart body on a worker, one chunk at a time; when the connection ends (a reset upload)
     * while a chunk is being parsed, the request is torn down under the parser, which then fails with a
     * {@link NullPointerException} of its own (its part's encoding handler gone). Seen on the epoll transport; the
     * caller left, it is no defect here.
     */
    private static boolean isTornDownMultipartParse(Throwable cause) {
        return cause instanceof NullPointerException && Arrays.stream(cause.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(MULTIPART_PARSER));
    }

    /**
     * The body stopped coming: the blocking body read waited {@code quarkus.http.read-timeout} for the next bytes and
     * closed the connection (also how a client's reset ends when the event loop did not see it while the body was
     * paused).
     */
    static boolean isStalledBody(Throwable failure) {
        return Causes.of(failure).stream().anyMatch(cause -> cause instanceof IOException
                && "Read timed out".equals(cause.getMessage()));
    }

    private static boolean saysClosed(Throwable cause) {
        if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
            return true;
        }
        if (!(cause instanceof VertxException || cause instanceof IOException) || cause.getMessage() == null) {
            return false;
        }
        String lower = cause.getMessage().toLowerCase(Locale.ROOT);
        return lower.contains("connection was closed") || lower.contains("connection reset")
                || lower.contains("broken pipe") || lower.equals("connection closed");
    }
}
