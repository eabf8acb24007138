package org.lookout.contracts;

/** One topic per aggregate (ARCHITECTURE §9); records are keyed by the report id so one report's events stay in order. */
public final class Topics {

    public static final String COMPLAINT = "lookout.complaint.v1";
    public static final String ESCALATION = "lookout.escalation.v1";
    public static final String CADRE = "lookout.cadre.v1";

    private Topics() {
    }
}
