package org.lookout.notification.domain;

/** The realm roles this service distinguishes (ARCHITECTURE §2). */
public final class Roles {

    public static final String RESIDENT = "resident";
    public static final String LOOKOUT = "lookout";

    private Roles() {
    }
}
