package org.lookout.complaint.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Open311 GeoReport v2 endpoint: what discovery says, which language answers default to, how much one answer holds. */
@ConfigMapping(prefix = "lookout.complaint.open311")
public interface Open311Config {

    /** The production endpoint as clients reach it (through the gateway), listed by discovery. */
    @WithDefault("http://127.0.0.1:8080/open311/v2")
    URI productionUrl();

    /** The test endpoint listed by discovery: where client developers try their integration without effect. */
    @WithDefault("http://127.0.0.1:18080/open311/v2")
    URI testUrl();

    /** Discovery's {@code contact}: how to reach the people who run the endpoint. */
    @WithDefault("Lookout operations, open311@lookout.example")
    String contact();

    /** Discovery's {@code key_service}: how a client application gets a key. */
    @WithDefault("Ask a Lookout administrator: keys are issued per client application (POST /api/open311/keys, admin)")
    String keyService();

    /** Names and texts come in Chinese ({@code zh}) or English ({@code en}) by {@code Accept-Language}, else this. */
    @WithDefault("zh")
    String defaultLanguage();

    /** Most requests in one answer of {@code GET requests} (the spec's default: 1,000). */
    @WithDefault("1000")
    int requestsLimit();

    /** Longest window of {@code start_date}/{@code end_date}, and the default one of {@code GET requests}. */
    @WithDefault("P90D")
    Duration longestWindow();

    /** The window of {@code servicerequestupdates} when none is asked. */
    @WithDefault("P1D")
    Duration updatesWindow();

    /** Most updates in one answer; a window holding more is refused (400), never cut short, so none is skipped. */
    @WithDefault("10000")
    int updatesLimit();

    /** How far in the future an {@code end_date} may lie (the clocks of client and server differ a little). */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** How often committed changes are listed in the update feed (read by its {@code @Scheduled}); {@code off} in tests. */
    @WithDefault("5s")
    String listingInterval();
}
