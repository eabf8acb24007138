package org.lookout.complaint;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The service's log records while a test runs, from the root logger (JBoss LogManager is the JUL manager of the test
 * JVM, so the running application logs here too). Close it to stop capturing.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog() {
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** Records of loggers whose name starts with {@code prefix}. */
    public List<LogRecord> of(String prefix) {
        return records.stream().filter(record -> record.getLoggerName() != null
                && record.getLoggerName().startsWith(prefix)).toList();
    }

    public List<LogRecord> all() {
        return List.copyOf(records);
    }

    /** The message with its parameters filled in, as the console shows it. */
    public static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
