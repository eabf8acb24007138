package org.lookout.complaint.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reports from the public without an account: the proof-of-work challenge (ALTCHA's scheme) and the body and photo
 * limits. The challenge key is a secret with no default in production ({@code LOOKOUT_CHALLENGE_KEY}).
 */
@ConfigMapping(prefix = "lookout.complaint.public-intake")
public interface PublicIntakeConfig {

    /** HMAC-SHA256 key that signs challenges; anyone who knows it can mint them, so it is at least 32 characters. */
    @Size(min = 32)
    String challengeKey();

    /** How long a challenge may be solved and used. */
    @WithDefault("PT5M")
    Duration challengeTtl();

    /** The difficulty: the secret number lies in 0..max-number, so a client tries half of them on average. */
    @WithDefault("100000")
    @Min(1)
    @Max(10000000)
    int maxNumber();

    /** Photos (JPEG or PNG) that may come with one report. */
    @WithDefault("3")
    int photosPerReport();

    @WithDefault("2097152")
    int photoMaxBytes();

    /** Largest request body of {@code POST /api/public/reports} (the report and its photos, with their framing). */
    @WithDefault("7340032")
    long bodyMaxBytes();

    /** How often used challenges past their expiry are forgotten; {@code off} disables it. */
    @WithDefault("10m")
    String purgeInterval();
}
