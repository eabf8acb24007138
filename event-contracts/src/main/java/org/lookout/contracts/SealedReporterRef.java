package org.lookout.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a confidential report (about an official) names its reporter on the topic: not by the stable
 * {@link ReporterPseudonym}, which would let a reader link two reports of one person, but sealed — AES-256-GCM under the
 * notification-delivery key (held only by complaint-service, which seals, and notification-service, which opens), a
 * random IV per event, the report id as associated data. Two reports of one person, or two events of one report, carry
 * unrelated values; without the key nothing links them to each other or to an account, and a value moved to another
 * report does not open.
 *
 * <p>Form: {@code rs1_} + base64url(IV ‖ ciphertext ‖ tag) of the reporter's pseudonym.
 */
public final class SealedReporterRef {

    private static final String PREFIX = "rs1_";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SealedReporterRef(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key base64 of 32 random bytes ({@code LOOKOUT_DELIVERY_KEY}) */
    public static SealedReporterRef withKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the delivery key must be base64 of " + KEY_BYTES + " bytes");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the delivery key must be base64 of " + KEY_BYTES + " bytes");
        }
        return new SealedReporterRef(key);
    }

    /** A fresh sealed value of {@code pseudonym} for an event of report {@code reportId}; never the same twice. */
    public String seal(UUID reportId, String pseudonym) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, reportId, pseudonym.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** The pseudonym sealed in {@code value} for report {@code reportId}; empty when it is not one sealed so under this key. */
    public Optional<String> open(UUID reportId, String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
            byte[] sealed = Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
            return Optional.of(new String(run(Cipher.DECRYPT_MODE, iv, reportId, sealed), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private byte[] run(int mode, byte[] iv, UUID reportId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(reportId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("not sealed under this key for this report", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }
}
