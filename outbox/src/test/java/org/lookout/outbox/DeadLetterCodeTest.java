package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.MalformedEventException;

import io.vertx.pgclient.PgException;

/** The short codes a parked record carries instead of an exception's class and text. */
class DeadLetterCodeTest {

    @Test
    void eachFailureHasItsCodeAlsoWhenWrapped() {
        assertThat(DeadLetterCode.of(new CompletionException(new MalformedEventException("no ce_id"))))
                .isEqualTo(DeadLetterCode.MALFORMED);
        assertThat(DeadLetterCode.of(new NoSuchElementException("no report 42"))).isEqualTo(DeadLetterCode.UNKNOWN_REFERENCE);
        assertThat(DeadLetterCode.of(new IllegalStateException("closed"))).isEqualTo(DeadLetterCode.REJECTED);
        assertThat(DeadLetterCode.of(new CompletionException(new PgException("violates foreign key", "ERROR", "23503",
                null)))).isEqualTo(DeadLetterCode.REJECTED);
        assertThat(DeadLetterCode.of(new NullPointerException())).isEqualTo(DeadLetterCode.FAILED);
    }

    @Test
    void theCodesAreShortAndStable() {
        assertThat(DeadLetterCode.values()).extracting(DeadLetterCode::code)
                .containsExactly("malformed", "unknown-reference", "rejected", "failed");
    }
}
