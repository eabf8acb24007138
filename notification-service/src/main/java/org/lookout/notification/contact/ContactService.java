package org.lookout.notification.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.delivery.DeliveryService;
import org.lookout.notification.domain.Contact;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Notification;
import org.lookout.notification.recipient.InboxOwner;
import org.lookout.notification.template.NotificationTemplates;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A person's own email address and phone number, by their pseudonym. A new one is unverified until the person enters
 * the 6-digit code sent there (valid {@link #CODE_VALIDITY}; only its hash is kept) — except an email address the
 * token vouches for ({@code email_verified}), which is verified at once.
 */
@ApplicationScoped
public class ContactService {

    static final String VERIFICATION_KIND = "CONTACT_VERIFICATION";
    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContactRepository contacts;
    private final DeliveryService deliveries;
    private final NotificationTemplates templates;
    private final Clock clock;

    ContactService(ContactRepository contacts, DeliveryService deliveries, NotificationTemplates templates, Clock clock) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.templates = templates;
        this.clock = clock;
    }

    @WithSession
    public Uni<ContactView> of(InboxOwner owner) {
        return contacts.findById(owner.readerRef()).map(ContactView::of);
    }

    @WithTransaction
    public Uni<ContactView> save(InboxOwner owner, SaveContactRequest request, String tokenEmail) {
        Instant now = clock.instant();
        return contacts.findById(owner.readerRef()).chain(held -> {
            Contact contact = held != null ? held : new Contact();
            contact.recipientRef = owner.readerRef();
            contact.updatedAt = now;
            Uni<Void> codes = Uni.createFrom().voidItem();
            if (!Objects.equals(contact.email, request.email())) {
                contact.email = request.email();
                contact.emailVerified = request.email() != null && request.email().equalsIgnoreCase(tokenEmail);
                contact.emailCodeHash = null;
                if (request.email() != null && !contact.emailVerified) {
                    String code = code();
                    contact.emailCodeHash = hash(code);
                    contact.codeExpiresAt = now.plus(CODE_VALIDITY);
                    codes = codes.chain(() -> send(owner, DeliveryChannel.EMAIL, code, now));
                }
            }
            if (!Objects.equals(contact.phone, request.phone())) {
                contact.phone = request.phone();
                contact.phoneVerified = false;
                contact.phoneCodeHash = null;
                if (request.phone() != null) {
                    String code = code();
                    contact.phoneCodeHash = hash(code);
                    contact.codeExpiresAt = now.plus(CODE_VALIDITY);
                    codes = codes.chain(() -> send(owner, DeliveryChannel.SMS, code, now));
                }
            }
            Uni<Void> sent = codes;
            Uni<Contact> stored = held != null ? Uni.createFrom().item(contact) : contacts.persist(contact);
            return stored.call(() -> sent).map(ContactView::of);
        });
    }

    @WithTransaction
    public Uni<ContactView> verify(InboxOwner owner, VerifyContactRequest request) {
        Instant now = clock.instant();
        return contacts.findById(owner.readerRef()).map(contact -> {
            String expected = contact == null ? null
                    : request.channel() == DeliveryChannel.EMAIL ? contact.emailCodeHash
                    : request.channel() == DeliveryChannel.SMS ? contact.phoneCodeHash : null;
            if (expected == null || contact.codeExpiresAt == null || now.isAfter(contact.codeExpiresAt)
                    || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                            hash(request.code()).getBytes(StandardCharsets.US_ASCII))) {
                throw ProblemException.unprocessable("code", "is not the code sent, or it expired");
            }
            if (request.channel() == DeliveryChannel.EMAIL) {
                contact.emailVerified = true;
                contact.emailCodeHash = null;
            } else {
                contact.phoneVerified = true;
                contact.phoneCodeHash = null;
            }
            contact.updatedAt = now;
            return ContactView.of(contact);
        });
    }

    /** The code goes out like any notification, through the delivery worker, to the address being verified. */
    private Uni<Void> send(InboxOwner owner, DeliveryChannel channel, String code, Instant now) {
        Map<Language, Map<String, Object>> values = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, Object> map = new HashMap<>();
            map.put("code", code);
            map.put("minutes", CODE_VALIDITY.toMinutes());
            values.put(language, map);
        }
        Notification notification = Notification.outgoing(new Notification.Draft(owner.readerRef(), VERIFICATION_KIND,
                null, null, templates.render("contact-verification", values), now,
                "contact-verification:" + owner.readerRef() + ":" + channel + ":" + now.toEpochMilli(), null, null),
                channel, now);
        return deliveries.enqueue(notification).replaceWithVoid();
    }

    private static String code() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
