package org.lookout.notification.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything notification-service is told by its configuration, under {@code lookout.notification}. */
@ConfigMapping(prefix = "lookout.notification")
public interface NotificationConfig {

    /** Key of the reporter pseudonym on events (shared with complaint-service, nobody else). */
    String pseudonymKey();

    /** The notification-delivery key (base64 of 32 bytes, shared with complaint-service): opens sealed reporter references. */
    String deliveryKey();

    /** Encrypts webhook secrets at rest (base64 of 32 bytes; this service only). */
    String secretsKey();

    /** Most inbox entries one request answers. */
    @WithDefault("200")
    int inboxPageLimit();

    /** Inbox entries answered when the request names no limit. */
    @WithDefault("50")
    int inboxPageSize();

    /** The zone of the people told: dates in messages, quiet hours. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** A report in the app, {@code {reportId}} replaced: the link in messages. */
    @WithDefault("http://127.0.0.1:8080/app/reports/{reportId}")
    String reportLink();

    /** Where the reporter rates a resolved report, {@code {reportId}} replaced. */
    @WithDefault("http://127.0.0.1:8080/app/reports/{reportId}/rate")
    String rateLink();

    Stream stream();

    Delivery delivery();

    Webhooks webhooks();

    Sms sms();

    Email email();

    Accounts accounts();

    Reminders reminders();

    AgencyDirectory agencyDirectory();

    interface Stream {
        /** A comment line this often keeps a quiet stream open through the gateway (its routes time out after 30 s). */
        @WithDefault("10s")
        Duration heartbeat();

        /** How often the streams look for new entries when no database notification woke them. */
        @WithDefault("2s")
        Duration poll();

        /** Most entries replayed to a stream that resumes with Last-Event-ID, before it goes live. */
        @WithDefault("1000")
        int replayLimit();
    }

    interface Delivery {
        /** How often the worker looks for due email, SMS and webhook deliveries (besides being woken); {@code off} stops it. */
        @WithDefault("1s")
        String interval();

        @WithDefault("50")
        int batchSize();

        /** A claimed delivery whose worker went away is taken up again after this. */
        @WithDefault("2m")
        Duration lease();

        /** Attempts before a delivery is dead. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; each further wait is {@code factor} times longer, up to {@code max-wait}. */
        @WithDefault("1m")
        Duration firstWait();

        @WithDefault("3")
        double factor();

        @WithDefault("12h")
        Duration maxWait();

        /** Share of a wait drawn at random (±), so retries of many deliveries do not arrive together. */
        @WithDefault("0.2")
        double jitter();

        /** Deliveries sent at once by one worker round. */
        @WithDefault("8")
        int concurrency();
    }

    interface Webhooks {
        /** A receiver that takes longer has failed this attempt. */
        @WithDefault("15s")
        Duration timeout();

        /** A subscription whose deliveries have failed for this long is disabled and its owner told. */
        @WithDefault("P3D")
        Duration disableAfter();

        /** After a rotation the old secret signs too for this long. */
        @WithDefault("PT24H")
        Duration rotationOverlap();

        /** How often failing subscriptions are looked at; {@code off} stops it. */
        @WithDefault("1h")
        String healthInterval();
    }

    interface Sms {
        /** {@code development} (records messages, admin reads them) or {@code http} (a real gateway). */
        @WithDefault("development")
        String provider();

        /** The gateway's URL ({@code http} provider). */
        Optional<URI> url();

        /** A header sent with every request to the gateway, {@code Name: value} ({@code http} provider). */
        Optional<String> authHeader();

        /** The request body, {@code {phone}} and {@code {text}} replaced (JSON-escaped) ({@code http} provider). */
        @WithDefault("{\"to\":\"{phone}\",\"text\":\"{text}\"}")
        String bodyTemplate();

        /** A message longer than this many segments is cut (and says so). */
        @WithDefault("5")
        int maxSegments();

        /** No SMS between these times (in {@code zone}); held until the end. */
        @WithDefault("22:00")
        LocalTime quietFrom();

        @WithDefault("07:00")
        LocalTime quietUntil();
    }

    interface Email {
        @WithDefault("Lookout 瞭望台 <no-reply@lookout.example>")
        String from();
    }

    interface Accounts {
        /** Where contact details and subjects of accounts come from: {@code keycloak} or {@code none}. */
        @WithDefault("keycloak")
        String source();

        /** The realm whose users are looked up. */
        @WithDefault("lookout")
        String realm();

        /** The directory of accounts is read again at most this often (when a pseudonym is not found). */
        @WithDefault("1m")
        Duration refresh();
    }

    interface Reminders {
        /** An agency is reminded this long before its deadline. */
        @WithDefault("PT24H")
        Duration before();

        /** How often due reminders are looked for; {@code off} stops it. */
        @WithDefault("60s")
        String interval();
    }

    interface AgencyDirectory {
        /** escalation-service, whose agency directory's webhook URLs become the agencies' subscriptions. */
        Optional<URI> url();

        /** How often the directory is read; {@code off} stops it. */
        @WithDefault("5m")
        String interval();
    }
}
