package org.lookout.notification;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.testsupport.GoldenEvents;

/** The golden {@code lookout.complaint.submitted.v1} sample as the reports this service's tests need. */
public final class GoldenComplaintEvents {

    private GoldenComplaintEvents() {
    }

    /** The sample as a new report filed by {@code reporterSubject}'s account. */
    public static CloudEvent submittedBy(String pseudonymKey, String reporterSubject) {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED,
                data -> data.put("reporterRef", ReporterPseudonym.of(pseudonymKey, reporterSubject)));
    }

    /** The sample as a new anonymous report: there is no {@code reporterRef} at all. */
    public static CloudEvent submittedAnonymously() {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> {
            data.put("anonymous", true);
            data.remove("reporterRef");
        });
    }

    /** Another event of {@code earlier}'s report (read after it), filed by {@code reporterSubject}'s account. */
    public static CloudEvent sameReport(CloudEvent earlier, String pseudonymKey, String reporterSubject) {
        return GoldenEvents.sameReport(earlier, data -> data
                .put("anonymous", false)
                .put("reporterRef", ReporterPseudonym.of(pseudonymKey, reporterSubject))
                .put("trackingNumber", GoldenEvents.newTrackingNumber()));
    }

    public static String trackingNumber(CloudEvent event) {
        return GoldenEvents.trackingNumber(event);
    }

    public static String reportId(CloudEvent event) {
        return GoldenEvents.reportId(event);
    }

    public static void send(CloudEvent event) {
        GoldenEvents.send(event);
    }
}
