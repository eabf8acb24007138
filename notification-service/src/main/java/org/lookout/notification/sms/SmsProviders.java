package org.lookout.notification.sms;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.lookout.notification.config.NotificationConfig;

import io.vertx.mutiny.core.Vertx;

/** The configured provider: {@code development} (recorded) or {@code http} (a real gateway). */
public class SmsProviders {

    @Produces
    @ApplicationScoped
    SmsProvider provider(NotificationConfig config, SmsOutboxRepository outbox, Clock clock, Vertx vertx) {
        NotificationConfig.Sms sms = config.sms();
        return switch (sms.provider()) {
            case "development" -> new DevelopmentSmsProvider(outbox, clock);
            case "http" -> new HttpSmsProvider(vertx, sms.url().orElseThrow(() -> new IllegalStateException(
                    "lookout.notification.sms.url is required with the http provider")), sms.authHeader().orElse(null),
                    sms.bodyTemplate(), config.webhooks().timeout());
            default -> throw new IllegalStateException("lookout.notification.sms.provider must be development or http, not "
                    + sms.provider());
        };
    }
}
