package org.lookout.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long START = 1_800_000_000_000L;
    private static final long MAX_AGE = 300_000L;

    private final AtomicLong now = new AtomicLong(START);

    private VerifiedTokens<String> tokens(int maxEntries) {
        return new VerifiedTokens<>(maxEntries, MAX_AGE, now::get);
    }

    private static long secondsFromStart(long seconds) {
        return START / 1000 + seconds;
    }

    @Test
    void a_remembered_token_gives_what_was_kept_until_it_expires() {
        VerifiedTokens<String> tokens = tokens(10);
        tokens.remember("a.b.c", "sub:alice", secondsFromStart(60));

        assertThat(tokens.get("a.b.c")).isEqualTo("sub:alice");
        now.set(START + 59_999);
        assertThat(tokens.get("a.b.c")).isEqualTo("sub:alice");
        now.set(START + 60_000);
        assertThat(tokens.get("a.b.c")).isNull();
    }

    @Test
    void a_late_expiry_is_trusted_for_the_max_age_only() {
        VerifiedTokens<String> tokens = tokens(10);
        tokens.remember("a.b.c", "sub:alice", secondsFromStart(86_400));

        now.set(START + MAX_AGE - 1);
        assertThat(tokens.get("a.b.c")).isEqualTo("sub:alice");
        now.set(START + MAX_AGE);
        assertThat(tokens.get("a.b.c")).isNull();
    }

    @Test
    void only_the_very_same_token_is_found() {
        VerifiedTokens<String> tokens = tokens(10);
        tokens.remember("a.b.c", "sub:alice", secondsFromStart(60));

        assertThat(tokens.get("a.b.d")).isNull();
        assertThat(tokens.get("a.b.c ")).isNull();
        assertThat(tokens.get("A.b.c")).isNull();
    }

    @Test
    void a_token_without_expiry_or_already_expired_is_not_kept() {
        VerifiedTokens<String> tokens = tokens(10);
        tokens.remember("no.exp.here", "sub:alice", 0);
        tokens.remember("gone.by.now", "sub:bob", secondsFromStart(0));
        tokens.remember("long.gone.by", "sub:carol", secondsFromStart(-3600));

        assertThat(tokens.size()).isZero();
        assertThat(tokens.get("no.exp.here")).isNull();
        assertThat(tokens.get("gone.by.now")).isNull();
    }

    @Test
    void when_full_expired_entries_make_room_and_otherwise_a_new_token_is_not_kept() {
        VerifiedTokens<String> tokens = tokens(2);
        tokens.remember("t.one.x", "sub:one", secondsFromStart(10));
        tokens.remember("t.two.x", "sub:two", secondsFromStart(100));

        tokens.remember("t.three.x", "sub:three", secondsFromStart(100));
        assertThat(tokens.get("t.three.x")).isNull();
        assertThat(tokens.size()).isEqualTo(2);

        now.set(START + 10_000);
        tokens.remember("t.three.x", "sub:three", secondsFromStart(100));
        assertThat(tokens.get("t.three.x")).isEqualTo("sub:three");
        assertThat(tokens.get("t.two.x")).isEqualTo("sub:two");
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void a_full_cache_is_swept_at_most_once_a_second() {
        VerifiedTokens<String> tokens = tokens(1);
        tokens.remember("t.one.x", "sub:one", secondsFromStart(1));
        now.set(START + 500);
        tokens.remember("t.two.x", "sub:two", secondsFromStart(100));
        assertThat(tokens.get("t.two.x")).as("full of a live entry").isNull();

        now.set(START + 1_200);
        tokens.remember("t.two.x", "sub:two", secondsFromStart(100));
        assertThat(tokens.get("t.two.x")).as("the first entry has expired, but the last sweep was 0.7 s ago")
                .isNull();

        now.set(START + 1_500);
        tokens.remember("t.two.x", "sub:two", secondsFromStart(100));
        assertThat(tokens.get("t.two.x")).as("a second after the last sweep").isEqualTo("sub:two");
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void forget_expired_drops_only_what_is_past_its_time() {
        VerifiedTokens<String> tokens = tokens(10);
        tokens.remember("t.one.x", "sub:one", secondsFromStart(10));
        tokens.remember("t.two.x", "sub:two", secondsFromStart(100));

        now.set(START + 10_000);
        tokens.forgetExpired();

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get("t.two.x")).isEqualTo("sub:two");
    }

    @Test
    void expired_entries_are_dropped_by_a_remember_once_a_minute() {
        VerifiedTokens<String> tokens = tokens(10);
        tokens.remember("t.one.x", "sub:one", secondsFromStart(10));
        tokens.remember("t.two.x", "sub:two", secondsFromStart(100));

        now.set(START + 59_999);
        tokens.remember("t.three.x", "sub:three", secondsFromStart(100));
        assertThat(tokens.size()).as("the last sweep was less than a minute ago").isEqualTo(3);

        now.set(START + 60_000);
        tokens.remember("t.four.x", "sub:four", secondsFromStart(100));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("t.two.x")).isEqualTo("sub:two");
    }

    @Test
    void size_zero_keeps_nothing() {
        VerifiedTokens<String> tokens = tokens(0);
        tokens.remember("a.b.c", "sub:alice", secondsFromStart(60));

        assertThat(tokens.size()).isZero();
        assertThat(tokens.get("a.b.c")).isNull();
    }

    @Test
    void a_negative_size_or_age_is_refused() {
        assertThatThrownBy(() -> new VerifiedTokens<>(-1, MAX_AGE, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedTokens<>(1, -1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
