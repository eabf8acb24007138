package org.lookout.escalation.domain;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as the token says: the scope every read of this service is checked against. */
public record Caller(String subject, Set<String> roles, Optional<String> community, Optional<String> street) {

    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public boolean is(String role) {
        return roles.contains(role);
    }
}
