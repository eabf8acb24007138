package org.lookout.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through and fails with {@link MalformedUtf8Exception} at the first byte that breaks UTF-8. A failure to
 * read at all is marked {@link InterruptedBodyException}, so that it is told apart from one of the service's own.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

    private final Utf8Check check = new Utf8Check();

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = readThrough(() -> super.read());
        if (b < 0) {
            atEnd();
        } else if (!check.accept(b)) {
            throw new MalformedUtf8Exception(check.offset() - 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = readThrough(() -> super.read(buffer, offset, length));
        if (read < 0) {
            atEnd();
        }
        for (int i = offset; i < offset + read; i++) {
            if (!check.accept(buffer[i] & 0xFF)) {
                throw new MalformedUtf8Exception(check.offset() - 1);
            }
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must be seen to be checked
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private interface Read {
        int next() throws IOException;
    }

    private static int readThrough(Read read) throws IOException {
        try {
            return read.next();
        } catch (IOException e) {
            throw new InterruptedBodyException(e);
        }
    }

    private void atEnd() throws MalformedUtf8Exception {
        if (!check.complete()) {
            throw new MalformedUtf8Exception(check.offset());
        }
    }
}
