package org.lookout.notification.email;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.contact.ContactDirectory;
import org.lookout.notification.domain.ChannelSender;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Outgoing;
import org.lookout.notification.domain.SendResult;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * Email over SMTP ({@code quarkus-mailer}): an HTML part and a text part from the templates {@code email/notification},
 * in the recipient's language, to their verified address (given to this service, else their account's). Nobody to
 * send to: skipped. An SMTP failure: failed, tried again later by the worker.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final ContactDirectory contacts;
    private final Template html;
    private final Template text;
    private final NotificationConfig config;

    EmailSender(ReactiveMailer mailer, ContactDirectory contacts, @Location("email/notification.html") Template html,
            @Location("email/notification.txt") Template text, NotificationConfig config) {
        this.mailer = mailer;
        this.contacts = contacts;
        this.html = html;
        this.text = text;
        this.config = config;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public Uni<SendResult> send(Outgoing delivery) {
        return contacts.reach(delivery.recipientRef(), DeliveryChannel.EMAIL, delivery.kind()).chain(reach -> {
            if (reach.isEmpty()) {
                return Uni.createFrom().item(SendResult.skipped("no verified email address"));
            }
            Language language = reach.get().language();
            boolean en = language == Language.EN;
            String title = delivery.message().title(language);
            String link = delivery.reportId() == null ? ""
                    : config.reportLink().replace("{reportId}", delivery.reportId().toString());
            String linkText = en ? "View the report" : "查看反映";
            String footer = en ? "Sent by Lookout (瞭望台). Replies to this address are not read."
                    : "本邮件由瞭望台自动发送，请勿直接回复。";
            Mail mail = Mail.withText(reach.get().address(), title, text.data("title", title)
                    .data("body", delivery.message().body(language)).data("link", link).data("linkText", linkText)
                    .data("footer", footer).render())
                    .setHtml(html.data("lang", language.tag()).data("title", title)
                            .data("body", delivery.message().body(language)).data("link", link)
                            .data("linkText", linkText).data("footer", footer).render())
                    .setFrom(config.email().from())
                    .addHeader("Content-Language", language.tag());
            long started = System.nanoTime();
            return mailer.send(mail).map(sent -> SendResult.delivered(null, millisSince(started)))
                    .onFailure().recoverWithItem(failure -> SendResult.failed("SMTP: " + failure.getClass().getSimpleName()
                            + ": " + failure.getMessage(), null, millisSince(started), null));
        });
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
