package org.lookout.complaint.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.lookout.complaint.config.IdentityConfig;

import io.quarkus.runtime.Startup;

/**
 * AES-GCM for reporters' names and phones: a random 96-bit IV per value, the report id as associated data (a value
 * copied to another report does not decrypt), the key id stored beside the value so that keys can rotate. Checks the
 * configured keys at start-up: a service with a bad key must not accept a report it could not read back.
 */
@Singleton
@Startup
public class ReporterIdentityCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentKey;
    private final SecureRandom random = new SecureRandom();

    public ReporterIdentityCipher(IdentityConfig config) {
        config.keys().forEach((id, base64) -> keys.put(id, key(id, base64)));
        if (!keys.containsKey(config.currentKey())) {
            throw new IllegalStateException("lookout.complaint.identity.current-key names no configured key");
        }
        this.currentKey = config.currentKey();
    }

    /** The key id that {@link #encrypt} uses. */
    public String currentKey() {
        return currentKey;
    }

    /** {@code iv || ciphertext+tag} of the value under the current key; null stays null. */
    public byte[] encrypt(UUID reportId, String value) {
        if (value == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKey), iv, reportId);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a reporter identity value", e);
        }
    }

    /** The value encrypted under {@code keyId} for this report; null stays null. */
    public String decrypt(String keyId, UUID reportId, byte[] stored) {
        if (stored == null) {
            return null;
        }
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no configured key for key id " + keyId);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(stored, IV_BYTES), reportId);
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt a reporter identity value", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, UUID reportId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(reportId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("identity key " + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("identity key " + id + " must be 256 bits");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
