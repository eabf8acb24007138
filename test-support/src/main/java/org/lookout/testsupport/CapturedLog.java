package org.lookout.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * What the application under test logs under one category while a test runs, e.g. to wait until a consumer reported a
 * failed attempt, or to check what an operator would read. Every Quarkus test JVM has JBoss LogManager as its
 * {@code java.util.logging} manager (the parent POM sets it), so the application's loggers are reachable here.
 *
 * <pre>{@code
 * try (CapturedLog log = CapturedLog.of("org.lookout.outbox.EventRouter")) {
 *     ...
 *     await().until(() -> !log.lines(Level.WARNING, eventId).isEmpty());
 * }
 * }</pre>
 */
public final class CapturedLog implements AutoCloseable {

    /** One record as a test looks at it: when, level, the message with its parameters filled in, its stack trace if any. */
    public record Line(Instant at, Level level, String message, Throwable thrown) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new Line(record.getInstant(), record.getLevel(), formatted(record), record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    /** Starts capturing what is logged under {@code category} (and the categories below it). */
    public static CapturedLog of(String category) {
        return new CapturedLog(category);
    }

    /** Everything captured so far, in order. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines of exactly this level whose message contains {@code text}. */
    public List<Line> lines(Level level, String text) {
        return lines.stream().filter(line -> line.level().equals(level) && line.message().contains(text)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    private static String formatted(LogRecord record) {
        // JBoss Logging's printf-style records keep pattern and parameters apart until formatted
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }
}
