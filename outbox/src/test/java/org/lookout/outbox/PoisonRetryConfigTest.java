package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** A channel's poison policy: its own values over the defaults, the defaults for every other channel. */
class PoisonRetryConfigTest {

    @Test
    void aChannelWithoutOverridesTakesTheDefaults() {
        PoisonPolicy policy = config(Map.of()).policy("lookout-complaint-v1");

        assertThat(policy.attempts()).isEqualTo(3);
        assertThat(policy.backoff().ceiling(1)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff().ceiling(2)).as("3 tries over about a minute").isEqualTo(Duration.ofSeconds(40));
        assertThat(config(Map.of()).policy(null)).as("a topic no channel reads").isEqualTo(policy);
    }

    @Test
    void aChannelsOwnValuesWinOneByOne() {
        PoisonRetryConfig config = config(Map.of("lookout-cadre-v1", channel(OptionalInt.of(5), Optional.empty(),
                Optional.of(Duration.ofMinutes(2)))));

        PoisonPolicy own = config.policy("lookout-cadre-v1");

        assertThat(own.attempts()).isEqualTo(5);
        assertThat(own.backoff().ceiling(1)).isEqualTo(Duration.ofSeconds(20));
        assertThat(own.backoff().ceiling(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(config.policy("lookout-complaint-v1").attempts()).isEqualTo(3);
    }

    private static PoisonRetryConfig.Channel channel(OptionalInt attempts, Optional<Duration> initial,
            Optional<Duration> max) {
        return new PoisonRetryConfig.Channel() {
            @Override
            public OptionalInt attempts() {
                return attempts;
            }

            @Override
            public Optional<Duration> initial() {
                return initial;
            }

            @Override
            public Optional<Duration> max() {
                return max;
            }
        };
    }

    /** The mapping with its documented defaults. */
    private static PoisonRetryConfig config(Map<String, PoisonRetryConfig.Channel> channels) {
        return new PoisonRetryConfig() {
            @Override
            public int attempts() {
                return 3;
            }

            @Override
            public Duration initial() {
                return Duration.ofSeconds(20);
            }

            @Override
            public Duration max() {
                return Duration.ofSeconds(40);
            }

            @Override
            public double jitter() {
                return 0.2;
            }

            @Override
            public Map<String, Channel> channels() {
                return channels;
            }
        };
    }
}
