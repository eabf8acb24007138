package org.lookout.complaint.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The code and secret of an anonymous report. The code is short and easy to read out (Crockford's base-32 alphabet:
 * no I, L, O, U), 12 random characters (60 bits) so codes cannot be enumerated; the secret has 192 random bits, so a
 * plain SHA-256 of it is a safe thing to store.
 */
public final class TrackingCredentials {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int CODE_LENGTH = 12;
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCredentials() {
    }

    /** A code and a secret, as shown once to the filer. */
    public record Issued(String code, String secret) {
    }

    static Issued issue() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Issued(code.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** A code as people type it: case ignored, O read as 0, I and L as 1, hyphens and spaces dropped. */
    static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[-\\s]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret == null ? "" : secret), storedHash);
    }
}
