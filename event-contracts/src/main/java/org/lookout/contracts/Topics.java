package org.lookout.contracts;

/**
 * One topic per aggregate (ARCHITECTURE §9); records are keyed by the aggregate id (the report id for reports, SLA clocks
 * and escalations) so one aggregate's events stay in order.
 */
public final class Topics {

    public static final String COMPLAINT = "lookout.complaint.v1";
    public static final String ESCALATION = "lookout.escalation.v1";
    public static final String CADRE = "lookout.cadre.v1";
    /**
     * Reference data owned by complaint-service (taxonomy items, communities and their streets), compacted: the latest
     * record per key is the current state, so a new consumer builds its copy by reading the topic from the beginning.
     */
    public static final String COMPLAINT_REFERENCE = "lookout.complaint.reference.v1";

    /** The start of every agency's own topic: {@code lookout.agency.<agency-code>.v1} ({@link #agency}). */
    public static final String AGENCY_PREFIX = "lookout.agency.";

    /**
     * The topic of one agency: the escalation events of the escalations it has a part in, the same events (same
     * {@code ce_id}) as on {@link #ESCALATION}, keyed by the report id. Only that agency's client reads it; agency codes
     * are {@code [a-z0-9-]}, so one agency's topic never names another's.
     */
    public static String agency(String agencyCode) {
        if (agencyCode == null || !agencyCode.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("not an agency code: " + agencyCode);
        }
        return AGENCY_PREFIX + agencyCode + ".v1";
    }

    private Topics() {
    }
}
