package org.lookout.notification.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.Language;
import org.lookout.notification.inbox.InboxEntry;
import org.lookout.notification.inbox.InboxRepository;
import org.lookout.notification.inbox.NotificationView;
import org.lookout.notification.recipient.InboxOwner;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The open live streams of this instance. A stream that resumes ({@code Last-Event-ID}) is first sent what it missed,
 * from the database, oldest first; meanwhile new entries are held for it, then it goes live. New entries are found with
 * one query for all streams ({@code seq} above the last seen), when a committed transaction signals them and every
 * {@code stream.poll} besides, and go to the streams of their address. Ids are the inbox sequence, in commit order, so
 * a stream resumed after id N misses nothing and repeats nothing — also after a restart. A comment line every
 * {@code stream.heartbeat} keeps idle streams open through the gateway; a stream that cannot be written is dropped.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    private static final int LIVE_BATCH = 1000;

    /** One open stream. */
    static final class Stream {
        final InboxOwner owner;
        final Language language;
        final SseEventSink sink;
        final Sse sse;
        /** The id of the last entry sent (or the point it started from). */
        long sent;
        boolean live;
        final List<InboxEntry> held = new ArrayList<>();

        Stream(InboxOwner owner, Language language, SseEventSink sink, Sse sse, long from) {
            this.owner = owner;
            this.language = language;
            this.sink = sink;
            this.sse = sse;
            this.sent = from;
        }
    }

    private final InboxRepository inbox;
    private final NotificationConfig.Stream config;
    private final Vertx vertx;
    private final Map<String, Set<Stream>> byAddress = new ConcurrentHashMap<>();
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile boolean again;
    private volatile long seen = -1;
    private long heartbeatTimer = -1;
    private long pollTimer = -1;

    StreamHub(InboxRepository inbox, NotificationConfig config, Vertx vertx, MeterRegistry registry) {
        this.inbox = inbox;
        this.config = config.stream();
        this.vertx = vertx;
        registry.gaugeCollectionSize("lookout_notification_streams_open", List.of(), open);
    }

    @PostConstruct
    void start() {
        heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), ignored -> heartbeat());
        pollTimer = vertx.setPeriodic(config.poll().toMillis(), ignored -> wake());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(pollTimer);
        open.forEach(stream -> stream.sink.close());
    }

    public int openStreams() {
        return open.size();
    }

    /**
     * Opens a stream: from {@code lastEventId} (what was missed first), else from now on.
     */
    public void open(InboxOwner owner, Language language, Long lastEventId, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(owner, language, sink, sse, lastEventId == null ? Long.MAX_VALUE : lastEventId);
        open.add(stream);
        owner.addresses().forEach(address -> byAddress.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet())
                .add(stream));
        sink.send(sse.newEventBuilder().comment("lookout notifications").reconnectDelay(3000).build())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close(stream);
                    }
                });
        Uni<Long> from = lastEventId != null ? Uni.createFrom().item(lastEventId) : inbox.latest();
        from.chain(start -> {
            synchronized (stream) {
                stream.sent = start;
            }
            return replay(stream);
        }).subscribe().with(ignored -> goLive(stream), failure -> {
            LOG.warnf("a stream could not be replayed: %s", failure.getClass().getSimpleName());
            close(stream);
        });
    }

    /** New entries may have been committed: look once for all streams. */
    public void wake() {
        again = true;
        if (!fetching.compareAndSet(false, true)) {
            return;
        }
        again = false;
        Uni<Long> start = seen >= 0 ? Uni.createFrom().item(seen) : inbox.latest().invoke(latest -> seen = latest);
        start.chain(from -> open.isEmpty() ? inbox.latest() : fetch(from)).subscribe().with(latest -> {
            seen = Math.max(seen, latest);
            fetching.set(false);
            if (again) {
                wake();
            }
        }, failure -> {
            fetching.set(false);
            LOG.debugf("streams: new entries not read (%s)", failure.getClass().getSimpleName());
        });
    }

    /** Sends everything after {@code from} to its streams; answers the highest id seen. */
    private Uni<Long> fetch(long from) {
        return inbox.newSince(from, LIVE_BATCH).chain(found -> {
            long latest = from;
            for (InboxRepository.Addressed addressed : found) {
                latest = Math.max(latest, addressed.entry().seq());
                Set<Stream> streams = byAddress.get(addressed.address());
                if (streams != null) {
                    streams.forEach(stream -> offer(stream, addressed.entry()));
                }
            }
            long highest = latest;
            return found.size() == LIVE_BATCH ? fetch(highest) : Uni.createFrom().item(highest);
        });
    }

    private Uni<Void> replay(Stream stream) {
        long from;
        synchronized (stream) {
            from = stream.sent;
        }
        return inbox.after(stream.owner.addresses(), stream.owner.readerRef(), from, config.replayLimit())
                .chain(missed -> {
                    missed.forEach(entry -> send(stream, entry));
                    return missed.size() == config.replayLimit() ? replay(stream) : Uni.createFrom().voidItem();
                });
    }

    private void goLive(Stream stream) {
        synchronized (stream) {
            stream.held.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).forEach(entry -> send(stream, entry));
            stream.held.clear();
            stream.live = true;
        }
    }

    private void offer(Stream stream, InboxEntry entry) {
        synchronized (stream) {
            if (!stream.live) {
                stream.held.add(entry);
            } else {
                send(stream, entry);
            }
        }
    }

    /** Sends an entry the stream has not had yet (a repeat is dropped). */
    private void send(Stream stream, InboxEntry entry) {
        synchronized (stream) {
            if (entry.seq() <= stream.sent || stream.sink.isClosed()) {
                return;
            }
            stream.sent = entry.seq();
        }
        stream.sink.send(stream.sse.newEventBuilder().id(Long.toString(entry.seq())).name("notification")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationView.class,
                        NotificationView.of(entry, stream.language)).build())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close(stream);
                    }
                });
    }

    private void heartbeat() {
        for (Stream stream : open) {
            if (stream.sink.isClosed()) {
                close(stream);
                continue;
            }
            stream.sink.send(stream.sse.newEventBuilder().comment("keep-alive").build()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    close(stream);
                }
            });
        }
    }

    private void close(Stream stream) {
        if (open.remove(stream)) {
            stream.owner.addresses().forEach(address -> {
                Set<Stream> streams = byAddress.get(address);
                if (streams != null) {
                    streams.remove(stream);
                    if (streams.isEmpty()) {
                        byAddress.remove(address, streams);
                    }
                }
            });
            if (!stream.sink.isClosed()) {
                stream.sink.close();
            }
        }
    }
}
