package org.lookout.outbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service's dead-letter book-keeping: which poison policy holds for a record's channel, and the metrics
 * {@code lookout_dlq_parked_total{channel,code}} (records parked since start) and {@code lookout_dlq_waiting{channel}}
 * (events this instance parked that have not applied since — a replay that applies takes them off).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.topic");

    private final Function<String, PoisonPolicy> policyOfTopic;
    private final MeterRegistry registry;
    private final Map<String, Set<String>> waiting = new ConcurrentHashMap<>();

    @Inject
    DeadLetters(PoisonRetryConfig poison, Config config, MeterRegistry registry) {
        Map<String, String> channelOfTopic = channelsByTopic(config);
        Map<String, PoisonPolicy> policies = new ConcurrentHashMap<>();
        this.policyOfTopic = topic -> policies.computeIfAbsent(topic, t -> poison.policy(channelOfTopic.get(t)));
        this.registry = registry;
    }

    /** One policy for every channel (the router's unit tests). */
    public DeadLetters(PoisonPolicy policy, MeterRegistry registry) {
        this.policyOfTopic = topic -> policy;
        this.registry = registry;
    }

    /** The poison policy of the channel that reads {@code topic}. */
    public PoisonPolicy policy(String topic) {
        return policyOfTopic.apply(topic);
    }

    /** Shows the channel's metrics at zero before anything is parked, so an alert can tell "none" from "unknown". */
    void watch(String channel) {
        waitingOn(channel);
    }

    /** A record of {@code channel} went to the dead-letter topic. */
    void parked(String channel, DeadLetterCode code, String eventId) {
        Counter.builder("lookout.dlq.parked").description("records parked on the dead-letter topic")
                .tag("channel", channel).tag("code", code.code()).register(registry).increment();
        if (eventId != null) {
            waitingOn(channel).add(eventId);
        }
    }

    /** An event applied (or was found applied before): if it was parked, it no longer waits. */
    void applied(String eventId) {
        waiting.values().forEach(ids -> ids.remove(eventId));
    }

    private Set<String> waitingOn(String channel) {
        return waiting.computeIfAbsent(channel, c -> {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            Gauge.builder("lookout.dlq.waiting", ids, Set::size)
                    .description("events this instance parked that have not applied since (replay takes them off)")
                    .tag("channel", c).register(registry);
            return ids;
        });
    }

    private static Map<String, String> channelsByTopic(Config config) {
        Map<String, String> channels = new ConcurrentHashMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = INCOMING_TOPIC.matcher(name);
            if (matcher.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topic -> channels.put(topic, matcher.group(1)));
            }
        }
        return channels;
    }
}
