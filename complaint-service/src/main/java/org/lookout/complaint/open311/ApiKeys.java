package org.lookout.complaint.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What an Open311 key looks like: {@code o311_} and 32 characters of 192 random bits, so it cannot be guessed and a
 * plain SHA-256 is enough to store it (no slow hash needed for a secret nobody chose).
 */
final class ApiKeys {

    static final String PREFIX = "o311_";
    /** The characters kept in the clear, so that an admin can tell keys apart. */
    static final int SHOWN = PREFIX.length() + 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String issue() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String shown(String key) {
        return key.substring(0, SHOWN);
    }
}
