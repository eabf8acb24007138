package org.lookout.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the {@code idempotency_key} table may know of a request: a row id that is a hash of the caller and the key, and
 * the answer sealed (AES-256-GCM) under a key derived from the same two. Neither the caller nor the
 * {@code Idempotency-Key} is stored, so a reader of the table can neither open an answer (an anonymous report's
 * tracking secret) nor tell whose it was; only a retry that presents both again can. The protection is as strong as
 * the client's key is unguessable: clients use a random UUID.
 */
final class Sealing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String rowId;
    private final SecretKeySpec key;

    private Sealing(String rowId, SecretKeySpec key) {
        this.rowId = rowId;
        this.key = key;
    }

    static Sealing of(String caller, String idempotencyKey) {
        String rowId = HexFormat.of().formatHex(sha256("lookout.idempotency.row", caller, idempotencyKey));
        return new Sealing(rowId, new SecretKeySpec(sha256("lookout.idempotency.seal", caller, idempotencyKey), "AES"));
    }

    /** The row's primary key: 64 hex characters. */
    String rowId() {
        return rowId;
    }

    /** IV followed by ciphertext and tag; the row id is the associated data, so a sealed value fits one row only. */
    byte[] seal(byte[] plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, plain);
        byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return out;
    }

    byte[] open(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES),
                Arrays.copyOfRange(sealed, IV_BYTES, sealed.length));
    }

    byte[] sealText(String text) {
        return text == null ? null : seal(text.getBytes(StandardCharsets.UTF_8));
    }

    String openText(byte[] sealed) {
        return sealed == null ? null : new String(open(sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an idempotent answer could not be sealed or opened", e);
        }
    }

    /** SHA-256 over the purpose and the parts, each length-prefixed so that no two splits of one string collide. */
    private static byte[] sha256(String purpose, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : prepend(purpose, parts)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8), (byte) bytes.length });
                digest.update(bytes);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
