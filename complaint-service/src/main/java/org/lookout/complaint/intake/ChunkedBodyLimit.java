package org.lookout.complaint.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;

/**
 * The body limit of every route that reads an entity (the JSON bodies), also for a body sent in chunks without a
 * {@code Content-Length}, which {@link BodyLimits} cannot judge before reading: the entity is counted as it is read
 * and its reading stops at the first byte past {@link IntakeConfig#bodyMaxBytes()}, answered with the same 413 problem.
 * Nothing past the limit is parsed. (A chunked multipart upload is bounded by {@code quarkus.http.limits.max-body-size}
 * and, behind the gateway, by each route's own count.)
 */
@Provider
public class ChunkedBodyLimit implements ReaderInterceptor {

    /** Looked up when a body is read: REST providers are built at static init, before config mappings exist. */
    private final Instance<IntakeConfig> config;

    ChunkedBodyLimit(Instance<IntakeConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = config.get().bodyMaxBytes();
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
                List.of()); // worded as BodyLimits answers a declared length past the limit
    }

    /** Counts what is read and, past {@code limit}, refuses to read on. */
    private static final class Counted extends FilterInputStream {

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
