package org.lookout.notification.contact;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Language;
import org.lookout.notification.recipient.Account;
import org.lookout.notification.recipient.AccountDirectory;

import io.smallrye.mutiny.Uni;

/**
 * Where and in which language a person is reached, when the delivery worker sends: a verified address the person gave
 * this service, else a verified one of their account (Keycloak); the language they chose, else their account's locale,
 * else zh-CN. A verification code goes to the address being verified, verified or not.
 */
@ApplicationScoped
public class ContactDirectory {

    /** An address (email or phone) and the language to write in. */
    public record Reach(String address, Language language) {
    }

    private final ContactLookupRepository stored;
    private final AccountDirectory accounts;

    ContactDirectory(ContactLookupRepository stored, AccountDirectory accounts) {
        this.stored = stored;
        this.accounts = accounts;
    }

    public Uni<Optional<Reach>> reach(String recipientRef, DeliveryChannel channel, String kind) {
        boolean verification = ContactService.VERIFICATION_KIND.equals(kind);
        return stored.of(recipientRef).chain(own -> {
            Optional<String> given = own.flatMap(found -> channel == DeliveryChannel.EMAIL
                    ? Optional.ofNullable(found.email()).filter(email -> verification || found.emailVerified())
                    : Optional.ofNullable(found.phone()).filter(phone -> verification || found.phoneVerified()));
            Optional<Language> chosen = own.map(ContactLookupRepository.Stored::language).filter(Language::offered)
                    .map(Language::of);
            if (given.isPresent() && chosen.isPresent()) {
                return Uni.createFrom().item(Optional.of(new Reach(given.get(), chosen.get())));
            }
            if (verification) {
                return Uni.createFrom().item(given.map(address -> new Reach(address, chosen.orElse(Language.DEFAULT))));
            }
            // with an address of their own, an unreachable directory costs only the account's language
            Uni<Optional<Account>> account = given.isPresent()
                    ? accounts.byRef(recipientRef).onFailure().recoverWithItem(Optional.empty())
                    : accounts.byRef(recipientRef);
            return account.map(found -> {
                Optional<String> address = given.or(() -> found.flatMap(known -> channel == DeliveryChannel.EMAIL
                        ? Optional.ofNullable(known.email()).filter(email -> known.emailVerified())
                        : Optional.ofNullable(known.phone()).filter(phone -> known.phoneVerified())));
                Language language = chosen.orElseGet(() -> found.map(Account::locale).map(Language::of)
                        .orElse(Language.DEFAULT));
                return address.map(reached -> new Reach(reached, language));
            });
        });
    }

    /** The language of a person (for a webhook about them), and their account's subject when the directory knows it. */
    public Uni<PersonOnAccount> person(String recipientRef) {
        return stored.of(recipientRef).chain(own -> accounts.byRef(recipientRef).map(account -> {
            Language language = own.map(ContactLookupRepository.Stored::language).filter(Language::offered)
                    .map(Language::of)
                    .orElseGet(() -> account.map(Account::locale).map(Language::of).orElse(Language.DEFAULT));
            return new PersonOnAccount(account.map(Account::subject), language);
        }));
    }

    /** A person as a webhook names them: their account's subject (empty when unknown) and their language. */
    public record PersonOnAccount(Optional<String> subject, Language language) {
    }
}
