package org.lookout.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0, symmetric scheme: a secret is {@code whsec_} + base64 of random bytes; a message is signed as
 * HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} with the secret's bytes, sent as {@code v1,<base64>};
 * the {@code webhook-signature} header lists one signature per valid secret, space-separated (two during a rotation),
 * so receivers verify with the reference libraries of their language.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    /** 32 random bytes: within the specification's 24 to 64. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A fresh secret, {@code whsec_<base64>}. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** The signature of one message under one secret: {@code v1,<base64 HMAC-SHA256>}. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + "." + body));
    }

    /** The {@code webhook-signature} header: a signature under each secret, space-separated. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            signatures.add(sign(secret, id, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    /**
     * What a receiver does: true when one signature of the header is the message's under {@code secret} (compared in
     * constant time) and the timestamp is within {@code toleranceSeconds} of {@code nowSeconds}.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader,
            long nowSeconds, long toleranceSeconds) {
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - at) > toleranceSeconds || signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, id, at, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.strip().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with " + PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
