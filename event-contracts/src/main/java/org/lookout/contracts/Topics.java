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

    private Topics() {
    }
}
