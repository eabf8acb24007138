package org.lookout.security;

/** The realm roles of ARCHITECTURE §2, as the token's {@code realm_access.roles} carries them. */
public final class Roles {

    public static final String RESIDENT = "resident";
    public static final String LOOKOUT = "lookout";
    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String INSPECTOR = "inspector";
    public static final String AGENCY = "agency";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
