package org.lookout.security.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens quarkus-oidc has verified (signature, issuer, audience, expiry), so that the next request with the same
 * token is not verified again: the gateway keeps the caller's rate-limit key with each
 * (docs/decisions/0009-verified-tokens-at-the-edge.md), the services the identity the verification produced
 * (docs/decisions/0010-services-remember-verified-tokens.md). What is kept is the SHA-256 of the token, never the
 * token, and that value; an entry lives until the token's {@code exp} or {@code maxAgeMillis} after it was verified,
 * whichever comes first, so a signing key withdrawn from the realm stops being honoured within that age. Expired
 * entries are dropped by {@link #remember} once a minute. Bounded: when {@code maxEntries} are held, expired ones are
 * dropped at once (one sweep a second at most, so that a full cache does not cost every new token a scan of it), and if
 * none is, a new token is not kept (it is verified each time until room is made).
 */
public final class VerifiedTokens<V> {

    private record Entry<V>(V value, long validUntilMillis) {
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clockMillis;
    private final SweepThrottle fullSweeps = new SweepThrottle(1_000);
    private final SweepThrottle expirySweeps = new SweepThrottle(60_000);

    /**
     * @param maxEntries most tokens held; 0 keeps none (every request verified)
     * @param maxAgeMillis longest time a verification is trusted, however late the token expires
     * @param clockMillis wall-clock milliseconds (the time {@code exp} is compared with)
     */
    public VerifiedTokens(int maxEntries, long maxAgeMillis, LongSupplier clockMillis) {
        if (maxEntries < 0 || maxAgeMillis < 0) {
            throw new IllegalArgumentException("the verified-token cache needs a size and an age of 0 or more");
        }
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
        this.clockMillis = clockMillis;
    }

    /** What was kept with this very token when it was verified; null when it is not held or no longer valid. */
    public V get(String token) {
        if (maxEntries == 0) {
            return null;
        }
        Entry<V> entry = entries.get(digest(token));
        if (entry == null || clockMillis.getAsLong() >= entry.validUntilMillis()) {
            return null;
        }
        return entry.value();
    }

    /**
     * Keeps a token the framework has just verified, with what the caller needs on its next request.
     *
     * @param expiresAtSeconds the token's {@code exp} (seconds since the epoch); 0 or less: none, the token is not kept
     */
    public void remember(String token, V value, long expiresAtSeconds) {
        if (maxEntries == 0 || expiresAtSeconds <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        long validUntil = Math.min(Math.multiplyExact(expiresAtSeconds, 1000L), now + maxAgeMillis);
        if (validUntil <= now) {
            return;
        }
        if (expirySweeps.due(now) || (entries.size() >= maxEntries && fullSweeps.due(now))) {
            forgetExpired(now);
        }
        if (entries.size() >= maxEntries) {
            return;
        }
        entries.put(digest(token), new Entry<>(value, validUntil));
    }

    /** Drops the entries past their time (what {@link #remember} does once a minute by itself). */
    void forgetExpired() {
        forgetExpired(clockMillis.getAsLong());
    }

    public int size() {
        return entries.size();
    }

    private void forgetExpired(long now) {
        entries.values().removeIf(entry -> now >= entry.validUntilMillis());
    }

    /** 32 bytes as a 32-character Latin-1 string: a compact map key with value equality. */
    private static String digest(String token) {
        byte[] hash = SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
        return new String(hash, StandardCharsets.ISO_8859_1);
    }
}
