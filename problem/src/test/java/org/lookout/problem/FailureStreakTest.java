package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class FailureStreakTest {

    @Test
    void oneWarningWhenAStreakBeginsOneInfoWhenItEndsAndTheFailureNeverEscapes() {
        String name = "failure-streak-test";
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger(name).addHandler(handler);
        try {
            FailureStreak reads = new FailureStreak(Logger.getLogger(name), "the figures");
            Uni<Void> failing = Uni.createFrom().failure(new IllegalStateException("secret detail"));

            reads.watch(Uni.createFrom().voidItem()).await().indefinitely();
            reads.watch(failing).await().indefinitely();
            reads.watch(failing).await().indefinitely();
            reads.watch(Uni.createFrom().voidItem()).await().indefinitely();
            reads.watch(Uni.createFrom().voidItem()).await().indefinitely();

            assertThat(records).extracting(LogRecord::getLevel).extracting(Object::toString)
                    .containsExactly("WARN", "INFO");
            assertThat(records.get(0).getMessage()).contains("the figures could not be read")
                    .contains("IllegalStateException").doesNotContain("secret detail");
            assertThat(records.get(1).getMessage()).isEqualTo("the figures are read again");
        } finally {
            java.util.logging.Logger.getLogger(name).removeHandler(handler);
        }
    }
}
