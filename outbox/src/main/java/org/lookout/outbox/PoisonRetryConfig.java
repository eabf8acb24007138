package org.lookout.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often a consumer tries an event that fails for a reason other than an outage before it parks it on the
 * dead-letter topic: {@code attempts} tries in all, the waits between them doubling from {@code initial} up to
 * {@code max}. The defaults are 3 tries over about a minute (20 s, then 40 s). A channel may override any of them:
 * {@code lookout.consumer.poison.channels."lookout-complaint-v1".attempts=5}.
 */
@ConfigMapping(prefix = "lookout.consumer.poison")
public interface PoisonRetryConfig {

    /** Tries in all, the first one included; 1 parks at the first failure. */
    @WithDefault("3")
    int attempts();

    /** The wait after the first failed try (before jitter). */
    @WithDefault("20s")
    Duration initial();

    /** The longest wait between two tries. */
    @WithDefault("40s")
    Duration max();

    /** The share of each wait that is random. */
    @WithDefault("0.2")
    double jitter();

    /** Overrides per incoming channel, by channel name. */
    Map<String, Channel> channels();

    interface Channel {

        OptionalInt attempts();

        Optional<Duration> initial();

        Optional<Duration> max();
    }

    /** The policy of one channel: its overrides over the defaults. */
    default PoisonPolicy policy(String channel) {
        Optional<Channel> own = Optional.ofNullable(channel).map(channels()::get);
        int attempts = own.map(Channel::attempts).filter(OptionalInt::isPresent).map(OptionalInt::getAsInt)
                .orElse(attempts());
        Duration initial = own.flatMap(Channel::initial).orElse(initial());
        Duration max = own.flatMap(Channel::max).orElse(max());
        return new PoisonPolicy(attempts, new Backoff(initial, max.compareTo(initial) < 0 ? initial : max, jitter()));
    }
}
