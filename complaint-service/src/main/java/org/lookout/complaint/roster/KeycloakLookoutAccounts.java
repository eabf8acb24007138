package org.lookout.complaint.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.lookout.complaint.config.RosterConfig;

/**
 * The roster's account changes through the Keycloak admin API, as the confidential client {@code lookout-roster} whose
 * service account holds only the realm-management roles {@code query-users}, {@code view-users} and
 * {@code manage-users} (deploy/keycloak/lookout-realm.json). When Keycloak refuses (401, 403) — a realm where this
 * client is not allowed to change users — the outcome carries the exact change for an administrator instead. Usernames
 * never reach a log line.
 */
@ApplicationScoped
public class KeycloakLookoutAccounts implements LookoutAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakLookoutAccounts.class);

    private final Instance<Keycloak> keycloak;
    private final RosterConfig config;

    KeycloakLookoutAccounts(Instance<Keycloak> keycloak, RosterConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    @Override
    public Outcome grant(String username, String community) {
        return call(username, community, true);
    }

    @Override
    public Outcome revoke(String username, String community) {
        return call(username, community, false);
    }

    private Outcome call(String username, String community, boolean grant) {
        if (!keycloak.isResolvable()) {
            return Outcome.refused(change(username, community, grant, "no Keycloak admin client is configured"));
        }
        try {
            RealmResource realm = keycloak.get().realm(config.realm());
            List<UserRepresentation> found = realm.users().searchByUsername(username, true);
            if (found.isEmpty()) {
                return Outcome.noSuchUser();
            }
            String id = found.getFirst().getId();
            UserResource user = realm.users().get(id);
            return grant ? granted(user, id, username, community) : revoked(user, id);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                LOG.warnf("the Keycloak admin API refused a roster change (%d): an administrator makes it by hand",
                        status);
                return Outcome.refused(change(username, community, grant, "Keycloak answered " + status
                        + " to this service"));
            }
            LOG.warnf("the Keycloak admin API answered %d to a roster change; it is tried again", status);
            return Outcome.unreachable();
        } catch (ProcessingException e) {
            LOG.warnf("the Keycloak admin API could not be reached for a roster change (%s); it is tried again",
                    e.getClass().getSimpleName());
            return Outcome.unreachable();
        }
    }

    private Outcome granted(UserResource user, String id, String username, String community) {
        UserRepresentation representation = user.toRepresentation();
        Map<String, List<String>> attributes = representation.getAttributes() == null ? new HashMap<>()
                : new HashMap<>(representation.getAttributes());
        List<String> current = attributes.getOrDefault(config.communityAttribute(), List.of());
        if (!current.isEmpty() && !current.contains(community)) {
            // a person lives in one community: moving the account is an administrator's decision
            return Outcome.refused(change(username, community, true, "the account belongs to community "
                    + String.join(",", current)));
        }
        if (current.isEmpty()) {
            attributes.put(config.communityAttribute(), List.of(community));
            representation.setAttributes(attributes);
            user.update(representation);
        }
        Optional<RoleRepresentation> role = user.roles().realmLevel().listAvailable().stream()
                .filter(available -> config.realmRole().equals(available.getName())).findFirst();
        role.ifPresent(lookout -> user.roles().realmLevel().add(List.of(lookout)));
        return Outcome.done(id);
    }

    private Outcome revoked(UserResource user, String id) {
        List<RoleRepresentation> held = user.roles().realmLevel().listAll().stream()
                .filter(role -> config.realmRole().equals(role.getName())).toList();
        if (!held.isEmpty()) {
            user.roles().realmLevel().remove(held);
        }
        return Outcome.done(id);
    }

    /** The change an administrator makes by hand, in the admin console and with kcadm.sh. */
    String change(String username, String community, boolean grant, String why) {
        String realm = config.realm();
        String role = config.realmRole();
        if (!grant) {
            return ("Not done by the service (%s). In realm %s, take the realm role %s from user %s: admin console"
                    + " > Users > %s > Role mapping > unassign %s; or: kcadm.sh remove-roles -r %s --uusername %s"
                    + " --rolename %s").formatted(why, realm, role, username, username, role, realm, username, role);
        }
        return ("Not done by the service (%s). In realm %s, give user %s the realm role %s and the attribute %s = %s:"
                + " admin console > Users > %s > Role mapping > assign %s, and > Attributes > %s = %s; or:"
                + " kcadm.sh add-roles -r %s --uusername %s --rolename %s, then set the attribute in the console")
                .formatted(why, realm, username, role, config.communityAttribute(), community, username, role,
                        config.communityAttribute(), community, realm, username, role);
    }
}
