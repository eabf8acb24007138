package org.lookout.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudonym of a reporter's account: HMAC-SHA256 of the OIDC subject under a key that only the services which
 * must address the reporter hold. Events carry it instead of the subject, so a topic reader cannot link reports to a
 * person, and a service holding the key can still match "my inbox" to "reports I filed".
 */
public final class ReporterPseudonym {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "rp1_";

    private ReporterPseudonym() {
    }

    public static String of(String key, String subject) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must have at least 16 characters");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
