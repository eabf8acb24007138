package org.lookout.notification.recipient;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ReporterPseudonym;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.Address;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

/**
 * The addresses a caller receives at, from the verified token alone: the pseudonym of their subject (reports they filed)
 * and of their account name (an assignment names the staff member's account), and the group inbox of each role they
 * hold in its scope — staff (and heads) of their community, supervisors and inspectors of each of their streets, their
 * agency, residents and lookouts of their community.
 */
@ApplicationScoped
public class CallerAddresses {

    private final NotificationConfig config;

    CallerAddresses(NotificationConfig config) {
        this.config = config;
    }

    public InboxOwner of(Caller caller, String accountName) {
        String own = ReporterPseudonym.of(config.pseudonymKey(), caller.subject());
        Set<String> personal = new LinkedHashSet<>();
        personal.add(own);
        if (accountName != null && !accountName.isBlank() && !accountName.equals(caller.subject())) {
            personal.add(ReporterPseudonym.of(config.pseudonymKey(), accountName));
        }
        Set<String> addresses = new LinkedHashSet<>(personal);
        caller.community().ifPresent(community -> {
            if (caller.is(Roles.STAFF)) {
                addresses.add(Address.staff(community));
                if (caller.isHeadOf(community)) {
                    addresses.add(Address.heads(community));
                }
            }
            if (caller.isReporter()) {
                addresses.add(Address.residents(community));
            }
        });
        for (String street : caller.streets()) {
            if (caller.isSupervisorOf(street)) {
                addresses.add(Address.supervisors(street));
            }
            if (caller.isInspectorOf(street)) {
                addresses.add(Address.inspectors(street));
            }
        }
        caller.agency().filter(caller::isAgency).ifPresent(agency -> addresses.add(Address.agency(agency)));
        return new InboxOwner(own, addresses, personal);
    }
}
