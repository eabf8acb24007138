package org.lookout.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A route's body limit for a body sent in chunks. A service's own route handler judges a declared
 * {@code Content-Length} before a byte is read (complaint-service's {@code BodyLimits}, cadre-registry-service's
 * {@code RequestBodyLimits}) and {@link #declare declares} the limit it applied; a body without a length is then
 * counted here as its entity is read, and the first byte past the limit ends the reading with a 413 problem worded
 * as those handlers word theirs. Nothing past the limit is parsed. A request whose route declared nothing is bounded by
 * {@code quarkus.http.limits.max-body-size} alone. (Multipart uploads are not read as entities: they stay bounded by
 * that ceiling and, behind the gateway, by each route's own count.)
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    private static final String KEY = "lookout.body-limit";

    /** Looked up when a body is read: REST providers are built at static init, before any request. */
    private final Instance<CurrentVertxRequest> request;

    BodyLimit(Instance<CurrentVertxRequest> request) {
        this.request = request;
    }

    /** Records {@code limit} (bytes) as the limit of this request's body, for a body that declared no length. */
    public static void declare(RoutingContext context, long limit) {
        context.put(KEY, limit);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext routing = request.get().getCurrent();
        Long limit = routing == null ? null : routing.get(KEY);
        if (limit == null) {
            return context.proceed();
        }
        Counted counted = new Counted(context.getInputStream(), limit);
        context.setInputStream(counted);
        Object entity;
        try {
            entity = context.proceed();
        } catch (IOException | RuntimeException e) {
            if (counted.exceeded) {
                throw tooLarge(limit); // whatever the reader made of the cut-off, the answer is the limit
            }
            throw e;
        }
        if (counted.exceeded) {
            throw tooLarge(limit);
        }
        return entity;
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the request body must be at most " + limit + " bytes",
                List.of());
    }

    /** Counts what is read and, past {@code limit}, refuses to read on. */
    static final class Counted extends FilterInputStream {

        private final long limit;
        private long read;
        boolean exceeded;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new IOException("request body past " + limit + " bytes");
            }
        }
    }
}
