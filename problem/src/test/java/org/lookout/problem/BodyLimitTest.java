package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class BodyLimitTest {

    @Test
    void readsUpToTheLimitAndStopsAtTheFirstBytePastIt() throws IOException {
        BodyLimit.Counted exact = new BodyLimit.Counted(new ByteArrayInputStream(new byte[100]), 100);
        assertThat(exact.readAllBytes()).hasSize(100);
        assertThat(exact.exceeded).isFalse();

        BodyLimit.Counted over = new BodyLimit.Counted(new ByteArrayInputStream(new byte[101]), 100);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("past 100 bytes");
        assertThat(over.exceeded).isTrue();
    }

    @Test
    void singleBytesAndSkipsCountToo() throws IOException {
        BodyLimit.Counted counted = new BodyLimit.Counted(new ByteArrayInputStream(new byte[10]), 5);
        assertThat(counted.skip(5)).isEqualTo(5);
        assertThatThrownBy(counted::read).isInstanceOf(IOException.class);
        assertThat(counted.exceeded).isTrue();
    }
}
