package org.lookout.notification.sms;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.contact.ContactDirectory;
import org.lookout.notification.domain.ChannelSender;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Outgoing;
import org.lookout.notification.domain.SendResult;

import io.smallrye.mutiny.Uni;

/**
 * SMS through the configured {@link SmsProvider}: title and body in the recipient's language, cut to
 * {@code sms.max-segments} ({@link SmsSegments}), to their verified number. Held until morning in the quiet hours.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmsProvider provider;
    private final ContactDirectory contacts;
    private final QuietHours quietHours;
    private final int maxSegments;
    private final Clock clock;

    SmsSender(SmsProvider provider, ContactDirectory contacts, NotificationConfig config, Clock clock) {
        this.provider = provider;
        this.contacts = contacts;
        this.quietHours = quietHours(config);
        this.maxSegments = config.sms().maxSegments();
        this.clock = clock;
    }

    public static QuietHours quietHours(NotificationConfig config) {
        return new QuietHours(config.sms().quietFrom(), config.sms().quietUntil(), config.zone());
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SMS;
    }

    @Override
    public Uni<SendResult> send(Outgoing delivery) {
        Instant now = clock.instant();
        Instant allowed = quietHours.nextAllowed(now);
        if (allowed.isAfter(now)) {
            return Uni.createFrom().item(SendResult.held("quiet hours", allowed));
        }
        return contacts.reach(delivery.recipientRef(), DeliveryChannel.SMS, delivery.kind()).chain(reach -> {
            if (reach.isEmpty()) {
                return Uni.createFrom().item(SendResult.skipped("no verified phone number"));
            }
            Language language = reach.get().language();
            String separator = language == Language.EN ? ": " : "：";
            String text = SmsSegments.fit("【瞭望台】" + delivery.message().title(language) + separator
                    + delivery.message().body(language), maxSegments);
            long started = System.nanoTime();
            return provider.send(delivery.id(), reach.get().address(), text, SmsSegments.of(text))
                    .map(sent -> SendResult.delivered(null, (int) ((System.nanoTime() - started) / 1_000_000)))
                    .onFailure().recoverWithItem(failure -> SendResult.failed("SMS provider: "
                            + failure.getClass().getSimpleName() + ": " + failure.getMessage(), null,
                            (int) ((System.nanoTime() - started) / 1_000_000), null));
        });
    }
}
