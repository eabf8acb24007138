package org.lookout.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;

import kafka.server.BrokerServer;

/**
 * One combined (broker + KRaft controller) Kafka node running inside the test JVM.
 * <p>
 * {@link #stopBroker()} shuts down only the broker half: its port closes, the controller and the log
 * directories stay. {@link #startBroker()} starts it again; the test kit's pre-bound socket factory rebinds
 * the same port, so clients configured with the old bootstrap address reconnect by themselves.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);

    /** The broker's own INFO logging runs to thousands of lines per start; held here so the levels stick. */
    private static final List<java.util.logging.Logger> QUIETED = Stream.of("kafka", "state.change.logger",
            "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.image",
            "org.apache.kafka.metadata", "org.apache.kafka.raft", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
            "org.apache.kafka.security", "org.apache.kafka.common.security", "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.network", "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.common.config.AbstractConfig")
            .map(java.util.logging.Logger::getLogger)
            .toList();

    private KafkaClusterTestKit cluster;
    private String bootstrapServers;

    void start() throws Exception {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        long began = System.nanoTime();
        Path baseDirectory = Files.createTempDirectory("lookout-kafka-");
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(baseDirectory)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        brokerConfig(builder);
        cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            close();
            throw e;
        }
        bootstrapServers = cluster.bootstrapServers();
        LOG.infof("Kafka ready at %s in %d ms", bootstrapServers, (System.nanoTime() - began) / 1_000_000);
    }

    /** Settings for one small node: topics appear on first use, internal topics need one replica, few threads. */
    private static void brokerConfig(KafkaClusterTestKit.Builder builder) {
        builder.setConfigProp("auto.create.topics.enable", "true")
                // as the integration topics are declared in docs/conventions.md
                .setConfigProp("num.partitions", "6")
                .setConfigProp("default.replication.factor", "1")
                .setConfigProp("min.insync.replicas", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // a restarted broker is back in service after a couple of heartbeats, not after the 9 s default session
                .setConfigProp("broker.heartbeat.interval.ms", "500")
                .setConfigProp("broker.session.timeout.ms", "3000")
                .setConfigProp("num.network.threads", "2")
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("background.threads", "2")
                .setConfigProp("num.replica.fetchers", "1")
                .setConfigProp("num.recovery.threads.per.data.dir", "1")
                .setConfigProp("log.cleaner.threads", "1")
                .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024))
                .setConfigProp("log.cleaner.io.buffer.size", String.valueOf(64 * 1024))
                .setConfigProp("socket.send.buffer.bytes", String.valueOf(64 * 1024))
                .setConfigProp("socket.receive.buffer.bytes", String.valueOf(64 * 1024))
                .setConfigProp("queued.max.requests", "50");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    synchronized void stopBroker() {
        BrokerServer broker = broker();
        if (broker.isShutdown()) {
            return;
        }
        long began = System.nanoTime();
        broker.shutdown();
        broker.awaitShutdown();
        LOG.infof("Kafka broker stopped (port of %s closed) in %d ms", bootstrapServers,
                (System.nanoTime() - began) / 1_000_000);
    }

    synchronized void startBroker() {
        BrokerServer broker = broker();
        if (!broker.isShutdown()) {
            return;
        }
        long began = System.nanoTime();
        broker.startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not come back", e);
        }
        String now = cluster.bootstrapServers();
        if (!now.equals(bootstrapServers)) {
            throw new IllegalStateException("Kafka broker came back at " + now + " instead of " + bootstrapServers);
        }
        LOG.infof("Kafka broker back at %s in %d ms", bootstrapServers, (System.nanoTime() - began) / 1_000_000);
    }

    synchronized boolean brokerRunning() {
        return cluster != null && !broker().isShutdown();
    }

    private BrokerServer broker() {
        if (cluster == null) {
            throw new IllegalStateException("Kafka is not started");
        }
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public synchronized void close() {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Kafka did not stop cleanly", e);
        }
        cluster = null;
    }
}
