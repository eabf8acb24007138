package org.lookout.cadre.domain;

/** The realm roles this service distinguishes (ARCHITECTURE §2). */
public final class Roles {

    /** Discipline inspection: the only role that reads the archive and tip-offs (ARCHITECTURE §7). */
    public static final String INSPECTOR = "inspector";

    private Roles() {
    }
}
