package org.lookout.complaint.publicintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.problem.ProblemException;

/** The ALTCHA scheme without Quarkus: a solution passes once solved, signed by us, in time, for its community. */
class ProofOfWorkTest {

    private static final String KEY = "a-key-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2026-03-04T02:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(5));
    private static final int MAX_NUMBER = 5_000;

    private final ProofOfWork proofOfWork = new ProofOfWork(KEY);

    @Test
    void aSolvedChallengePassesWithItsSignatureAndExpiry() {
        ProofOfWork.Challenge challenge = proofOfWork.issue("DCY", EXPIRES, MAX_NUMBER);

        assertThat(challenge.algorithm()).isEqualTo("SHA-256");
        assertThat(challenge.maxnumber()).isEqualTo(MAX_NUMBER);
        assertThat(challenge.salt()).contains("expires=" + EXPIRES.getEpochSecond()).contains("community=DCY");
        ProofOfWork.Solved solved = proofOfWork.verify(solution(challenge), "DCY", NOW);
        assertThat(solved.signature()).isEqualTo(challenge.signature());
        assertThat(solved.expiresAt()).isEqualTo(EXPIRES);
    }

    @Test
    void theNumberIsFoundOnlyByTrying() {
        ProofOfWork.Challenge challenge = proofOfWork.issue("DCY", EXPIRES, MAX_NUMBER, fixedNumber(4_321));

        assertThat(ProofOfWork.solve(challenge)).isEqualTo(4_321);
        assertThat(ProofOfWork.sha256(challenge.salt() + 4_321)).isEqualTo(challenge.challenge());
    }

    @Test
    void aWrongNumberDoesNotSolveIt() {
        ProofOfWork.Challenge challenge = proofOfWork.issue("DCY", EXPIRES, MAX_NUMBER);
        long wrong = (ProofOfWork.solve(challenge) + 1) % (MAX_NUMBER + 1);

        assertRefused(ProofOfWork.payload(challenge, wrong), "DCY", NOW, "does not solve");
    }

    @Test
    void aChallengeSignedWithAnotherKeyWasNotIssuedHere() {
        ProofOfWork.Challenge forged = new ProofOfWork("another-key-of-thirty-two-characters!!").issue("DCY", EXPIRES,
                MAX_NUMBER);

        assertRefused(solution(forged), "DCY", NOW, "not issued by this service");
    }

    @Test
    void aSaltChangedAfterSigningNoLongerMatches() {
        ProofOfWork.Challenge challenge = proofOfWork.issue("DCY", EXPIRES, MAX_NUMBER);
        ProofOfWork.Challenge longer = new ProofOfWork.Challenge(challenge.algorithm(), challenge.challenge(),
                challenge.maxnumber(), challenge.salt().replace("expires=" + EXPIRES.getEpochSecond(),
                        "expires=" + EXPIRES.plus(Duration.ofDays(1)).getEpochSecond()), challenge.signature());

        assertRefused(ProofOfWork.payload(longer, ProofOfWork.solve(challenge)), "DCY", NOW, "does not solve");
    }

    @Test
    void anExpiredChallengeIsRefused() {
        ProofOfWork.Challenge challenge = proofOfWork.issue("DCY", EXPIRES, MAX_NUMBER);

        assertRefused(solution(challenge), "DCY", EXPIRES, "expired");
        assertThat(proofOfWork.verify(solution(challenge), "DCY", EXPIRES.minusMillis(1))).isNotNull();
    }

    @Test
    void aChallengeOfAnotherCommunityIsRefused() {
        ProofOfWork.Challenge challenge = proofOfWork.issue("XHY", EXPIRES, MAX_NUMBER);

        assertRefused(solution(challenge), "DCY", NOW, "another community");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "not base64!", "bm90IGpzb24=", "WzEsMiwzXQ==" })
    void anythingButASolutionIsRefusedNamingTheField(String payload) {
        assertRefused(payload, "DCY", NOW, "");
    }

    @Test
    void aSolutionOfAnotherAlgorithmIsRefused() {
        String json = "{\"algorithm\":\"SHA-1\",\"challenge\":\"" + "a".repeat(64) + "\",\"number\":1,"
                + "\"salt\":\"x?expires=9999999999&community=DCY\",\"signature\":\"" + "b".repeat(64) + "\"}";

        assertRefused(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)), "DCY", NOW,
                "algorithm");
        assertThatThrownBy(() -> proofOfWork.verify(null, "DCY", NOW)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("is required");
    }

    private static String solution(ProofOfWork.Challenge challenge) {
        return ProofOfWork.payload(challenge, ProofOfWork.solve(challenge));
    }

    private void assertRefused(String payload, String community, Instant now, String message) {
        assertThatThrownBy(() -> proofOfWork.verify(payload, community, now))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(error -> error.field()).containsExactly("altcha");
                }).hasMessageContaining(message);
    }

    /** A random source whose next int below the bound is {@code number}; bytes as usual. */
    private static RandomGenerator fixedNumber(int number) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 42;
            }

            @Override
            public int nextInt(int bound) {
                return number;
            }
        };
    }
}
