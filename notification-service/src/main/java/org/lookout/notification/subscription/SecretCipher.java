package org.lookout.notification.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lookout.notification.config.NotificationConfig;

/**
 * Webhook secrets at rest: AES-256-GCM under this service's secrets key, a random IV each, the subscription id as
 * associated data (a value copied to another row does not open). The API shows a secret once, when it is made.
 */
@ApplicationScoped
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    SecretCipher(NotificationConfig config) {
        this(config.secretsKey());
    }

    SecretCipher(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("lookout.notification.secrets-key must be base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public byte[] seal(UUID subscriptionId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, subscriptionId, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    public String open(UUID subscriptionId, byte[] sealed) {
        return new String(run(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), subscriptionId,
                Arrays.copyOfRange(sealed, IV_BYTES, sealed.length)), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, UUID subscriptionId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret could not be sealed or opened", e);
        }
    }
}
