package org.lookout.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says: the subject, the roles, and the scope claims — {@code community}
 * (resident, lookout, staff), {@code street} (supervisor), {@code agency} (agency clients). Every service checks its
 * rules against this, not only the gateway.
 */
public record Caller(String subject, Set<String> roles, Optional<String> community, Optional<String> street,
        Optional<String> agency) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean inCommunity(String code) {
        return community.filter(code::equals).isPresent();
    }

    public boolean inStreet(String code) {
        return street.filter(code::equals).isPresent();
    }
}
