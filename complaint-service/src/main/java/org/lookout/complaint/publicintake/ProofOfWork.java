package org.lookout.complaint.publicintake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A proof-of-work challenge in the open ALTCHA scheme (altcha.org, v1), with nothing but the JDK: the server picks a
 * salt (random, with {@code expires} and {@code community} as parameters) and a secret number up to
 * {@code maxnumber}; {@code challenge} = hex SHA-256(salt + number), {@code signature} = hex HMAC-SHA256(key, challenge).
 * The client searches the number (half of {@code maxnumber} hashes on average) and sends back base64 JSON of
 * {@code algorithm, challenge, number, salt, signature}. The server needs no state to check a solution; that a
 * challenge is used once is the caller's to record (its signature). Pure and clock-free: tested in plain JUnit.
 */
public final class ProofOfWork {

    public static final String ALGORITHM = "SHA-256";
    /** The request field every refusal names. */
    public static final String FIELD = "altcha";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAYLOAD = 4096;

    private final byte[] key;

    public ProofOfWork(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** What the client receives (ALTCHA's challenge JSON). */
    public record Challenge(String algorithm, String challenge, int maxnumber, String salt, String signature) {
    }

    /** A checked solution: the challenge's signature (its identity for single use) and when it expires. */
    public record Solved(String signature, Instant expiresAt) {
    }

    /** A new challenge for a report in {@code community}, solvable until {@code expiresAt}. */
    public Challenge issue(String community, Instant expiresAt, int maxNumber, RandomGenerator random) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String salt = HexFormat.of().formatHex(nonce) + "?expires=" + expiresAt.getEpochSecond() + "&community="
                + community;
        int number = random.nextInt(maxNumber + 1);
        String challenge = sha256(salt + number);
        return new Challenge(ALGORITHM, challenge, maxNumber, salt, hmac(challenge));
    }

    /** A new challenge with a strong random source. */
    public Challenge issue(String community, Instant expiresAt, int maxNumber) {
        return issue(community, expiresAt, maxNumber, new SecureRandom());
    }

    /**
     * Checks a client's solution for a report in {@code community} at {@code now}: well formed, signed with our key,
     * solved, not expired, issued for that community. Every refusal is a 400 naming {@value #FIELD}.
     */
    public Solved verify(String payload, String community, Instant now) {
        if (payload == null || payload.isBlank()) {
            throw refused("is required: solve GET /api/public/challenge?community=" + community + " first");
        }
        JsonNode solution = decode(payload);
        String algorithm = solution.path("algorithm").asText();
        String challenge = solution.path("challenge").asText();
        String salt = solution.path("salt").asText();
        String signature = solution.path("signature").asText();
        JsonNode number = solution.path("number");
        if (!ALGORITHM.equals(algorithm) || !number.canConvertToLong() || number.asLong() < 0 || salt.isEmpty()
                || !challenge.matches("[0-9a-f]{64}") || !signature.matches("[0-9a-f]{64}")) {
            throw refused("is not an ALTCHA solution of algorithm " + ALGORITHM);
        }
        if (!MessageDigest.isEqual(hmac(challenge).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw refused("was not issued by this service");
        }
        if (!sha256(salt + number.asLong()).equals(challenge)) {
            throw refused("does not solve its challenge");
        }
        Map<String, String> parameters = parameters(salt);
        Instant expiresAt = expiry(parameters.get("expires"));
        if (!now.isBefore(expiresAt)) {
            throw refused("expired at " + expiresAt + "; fetch a new challenge");
        }
        if (!community.equals(parameters.get("community"))) {
            throw refused("was issued for another community than " + community);
        }
        return new Solved(signature, expiresAt);
    }

    /** The number a client finds by trying 0, 1, 2, …: what a browser's ALTCHA widget does (for tests and tools). */
    public static long solve(Challenge challenge) {
        for (long number = 0; number <= challenge.maxnumber(); number++) {
            if (sha256(challenge.salt() + number).equals(challenge.challenge())) {
                return number;
            }
        }
        throw new IllegalArgumentException("no number up to " + challenge.maxnumber() + " solves the challenge");
    }

    /** The payload a client sends for {@code number}: base64 of the solution JSON. */
    public static String payload(Challenge challenge, long number) {
        Map<String, Object> solution = new LinkedHashMap<>();
        solution.put("algorithm", challenge.algorithm());
        solution.put("challenge", challenge.challenge());
        solution.put("number", number);
        solution.put("salt", challenge.salt());
        solution.put("signature", challenge.signature());
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(solution));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and a number always serialises", e);
        }
    }

    private static JsonNode decode(String payload) {
        if (payload.length() > MAX_PAYLOAD) {
            throw refused("is longer than " + MAX_PAYLOAD + " characters");
        }
        try {
            JsonNode node = JSON.readTree(Base64.getDecoder().decode(payload.strip()));
            if (node == null || !node.isObject()) {
                throw refused("is not base64 of a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw refused("is not base64 of a JSON object");
        }
    }

    private static Map<String, String> parameters(String salt) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = salt.indexOf('?');
        if (query >= 0) {
            for (String pair : salt.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return parameters;
    }

    private static Instant expiry(String expires) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(expires));
        } catch (NumberFormatException | NullPointerException e) {
            throw refused("has no expiry");
        }
    }

    private String hmac(String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ProblemException refused(String message) {
        return ProblemException.badRequest(FIELD, message);
    }
}
