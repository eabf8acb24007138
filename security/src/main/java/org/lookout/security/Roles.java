package org.lookout.security;

/** The realm roles of ARCHITECTURE §2, as the token's {@code realm_access.roles} carries them. */
public final class Roles {

    public static final String RESIDENT = "resident";
    public static final String LOOKOUT = "lookout";
    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String INSPECTOR = "inspector";
    public static final String AGENCY = "agency";
    /** The mobile app's backend (confidential client): webhook subscriptions for residents' and lookouts' notifications. */
    public static final String APP_BACKEND = "app-backend";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
