package org.lookout.complaint.domain;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as the token says: the scope every rule of this service is checked against. */
public record Caller(String subject, Set<String> roles, Optional<String> community, Optional<String> street) {

    public static final String RESIDENT = "resident";
    public static final String LOOKOUT = "lookout";
    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String INSPECTOR = "inspector";
    public static final String ADMIN = "admin";

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The role a report records as its filer: the most specific one the caller holds. */
    public String filingRole() {
        if (is(STAFF)) {
            return STAFF;
        }
        return is(LOOKOUT) ? LOOKOUT : RESIDENT;
    }
}
