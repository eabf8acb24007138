package org.lookout.cadre;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.GoldenEvents;

/** The golden {@code lookout.complaint.submitted.v1} sample as the reports this service's tests need. */
public final class GoldenComplaintEvents {

    public static final String CADRE_CONDUCT = "cadre-conduct";

    private GoldenComplaintEvents() {
    }

    /** The sample (a corridor-lighting report) as a new report. */
    public static CloudEvent submitted() {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED);
    }

    /** A new report about an official's conduct, as complaint-service files it: confidential, by a named resident. */
    public static CloudEvent submittedAboutAnOfficial() {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("itemCode", CADRE_CONDUCT)
                .put("categoryCode", "ENFORCEMENT")
                .put("confidential", true));
    }

    public static String reportId(CloudEvent event) {
        return GoldenEvents.reportId(event);
    }

    public static void send(CloudEvent event) {
        GoldenEvents.send(event);
    }
}
