package org.lookout.complaint.domain;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Facts of reference data (taxonomy items, communities) that every intake reads and only an admin's edit changes, kept
 * in memory so that intake does not ask the database for them each time. The edit path forgets the key after its
 * transaction has committed; a load that began before a forget is not kept, so an edit is never hidden by a read that
 * raced it. Another instance of the service does not see this instance's forget: an entry is read again after
 * {@code ttl}, which bounds how long an edit made elsewhere takes to reach intake here. Unknown keys are not kept.
 */
public final class ReferenceCache<V> {

    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private long generation;

    public ReferenceCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The kept value of {@code key}, or what {@code load} finds (kept unless forgotten meanwhile or null). */
    public Uni<V> get(String key, Function<String, Uni<V>> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
            return Uni.createFrom().item(entry.value());
        }
        long loadedIn = generation();
        return load.apply(key).invoke(value -> keep(key, value, now, loadedIn));
    }

    /** The next read of {@code key} goes to the database; call it after the edit's transaction has ended. */
    public synchronized void forget(String key) {
        generation++;
        entries.remove(key);
    }

    private synchronized long generation() {
        return generation;
    }

    private synchronized void keep(String key, V value, long loadedAtNanos, long loadedIn) {
        if (value != null && loadedIn == generation) {
            entries.put(key, new Entry<>(value, loadedAtNanos));
        }
    }
}
