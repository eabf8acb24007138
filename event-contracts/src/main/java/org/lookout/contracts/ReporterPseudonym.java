package org.lookout.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudonym of an account: HMAC-SHA256 of the OIDC subject (or account name) under a secret key that only the
 * services which must address the reporter hold (complaint- and notification-service, {@code LOOKOUT_PSEUDONYM_KEY};
 * generated per stack by {@code ./lookout up}, per test JVM in tests, refused at start in production when it was ever
 * committed). Non-confidential events carry it instead of the subject, so a topic reader cannot link reports to an
 * account, and a service holding the key can still match "my inbox" to "reports I filed". Confidential reports carry no
 * stable pseudonym at all: {@link SealedReporterRef}.
 */
public final class ReporterPseudonym {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "rp1_";
    /** A Mac initialised with the key, per thread: looking the algorithm up and keying it was most of a call's cost. */
    private static final ThreadLocal<Keyed> MACS = new ThreadLocal<>();

    private record Keyed(String key, Mac mac) {
    }

    private ReporterPseudonym() {
    }

    public static String of(String key, String subject) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must have at least 16 characters");
        }
        Keyed keyed = MACS.get();
        if (keyed == null || !keyed.key().equals(key)) {
            keyed = new Keyed(key, keyedMac(key));
            MACS.set(keyed);
        }
        // doFinal leaves the Mac as init left it, ready for the next subject
        byte[] digest = keyed.mac().doFinal(subject.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Mac keyedMac(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
