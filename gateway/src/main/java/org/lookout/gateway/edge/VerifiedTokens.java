package org.lookout.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens quarkus-oidc has verified at this gateway (signature, issuer, audience, expiry), so that the next
 * request with the same token is not verified again: with a token on every request the verification was ~70 % of the
 * gateway's CPU (docs/decisions/0009-verified-tokens-at-the-edge.md). What is kept is the SHA-256 of the token, never
 * the token, and the caller's rate-limit key; an entry lives until the token's {@code exp} or {@code maxAgeMillis}
 * after it was verified, whichever comes first, so a signing key withdrawn from the realm stops opening the gateway
 * within that age. The services verify every token again themselves: an entry can never open more than the token does.
 * Bounded: when {@code maxEntries} are held, expired ones are dropped (one sweep a second at most, so that a full
 * cache does not cost every new token a scan of it), and if none is, a new token is not kept (it is verified each time
 * until room is made).
 */
public final class VerifiedTokens {

    private record Entry(String callerKey, long validUntilMillis) {
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clockMillis;
    private final SweepThrottle fullSweeps = new SweepThrottle(1_000);

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

    /** The rate-limit key of the caller whose verified token this is; null when it is not held or no longer valid. */
    public String callerKey(String token) {
        if (maxEntries == 0) {
            return null;
        }
        Entry entry = entries.get(digest(token));
        if (entry == null || clockMillis.getAsLong() >= entry.validUntilMillis()) {
            return null;
        }
        return entry.callerKey();
    }

    /**
     * Keeps a token the framework has just verified.
     *
     * @param expiresAtSeconds the token's {@code exp} (seconds since the epoch); 0 or less: none, the token is not kept
     */
    public void remember(String token, String callerKey, long expiresAtSeconds) {
        if (maxEntries == 0 || expiresAtSeconds <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        long validUntil = Math.min(Math.multiplyExact(expiresAtSeconds, 1000L), now + maxAgeMillis);
        if (validUntil <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            if (fullSweeps.due(now)) {
                forgetExpired(now);
            }
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(digest(token), new Entry(callerKey, validUntil));
    }

    /** Drops the entries past their time; the gateway calls it once a minute. */
    public void forgetExpired() {
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
