package org.lookout.complaint.casefile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.lookout.complaint.ComplaintDatabase;
import org.lookout.complaint.messaging.incoming.EscalationEventsConsumer;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Escalated reports for the case-file tests: a report recorded by staff (with the reporter's name and phone, a public and
 * an internal note, a photo), and escalation-service's events about it, replayed from the golden samples.
 */
final class CaseFiles {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String STAFF = Tokens.staff("DCY");
    static final String REPORTER_NAME = "王建国";
    static final String REPORTER_PHONE = "13912345678";
    static final String PUBLIC_NOTE = "the caretaker will open the flat on Thursday morning";
    static final String INTERNAL_NOTE = "the reporter is the neighbour in 3-2; call before visiting";
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 };

    private CaseFiles() {
    }

    /** A VISIT report with the reporter's identity, a public and an internal note and a photo, accepted. */
    static String recordedReport(String item) {
        String id = submit(STAFF, report(item, "DCY", "VISIT").replace("\"anonymous\":false",
                "\"anonymous\":false,\"reporterName\":\"" + REPORTER_NAME + "\",\"reporterPhone\":\""
                        + REPORTER_PHONE + "\"")).statusCode(201).extract().path("id");
        note(id, PUBLIC_NOTE, "PUBLIC");
        note(id, INTERNAL_NOTE, "INTERNAL");
        given().auth().oauth2(STAFF).multiPart("file", "photo.png", PNG, "image/png")
                .post("/api/complaints/" + id + "/attachments").then().statusCode(201);
        command(STAFF, id, "accept", "{}").statusCode(200);
        return id;
    }

    /** Opened to {@code lead} (first) and the others, each {@code code:KIND}; answers the escalation id. */
    static String opened(String reportId, boolean confidential, String... agencies) {
        String escalationId = UUID.randomUUID().toString();
        apply(GoldenEvents.about(EventType.ESCALATION_OPENED, reportId, data -> {
            data.put("escalationId", escalationId).put("confidential", confidential)
                    .put("openedAt", Instant.now().toString());
            ArrayNode list = data.putArray("agencies");
            for (int i = 0; i < agencies.length; i++) {
                String[] agency = agencies[i].split(":");
                list.addObject().put("agencyCode", agency[0]).put("agencyKind", agency[1]).put("lead", i == 0);
            }
            data.put("leadAgencyCode", agencies[0].split(":")[0]);
        }));
        return escalationId;
    }

    /** A copy for information to {@code agency} (civil affairs); answers the escalation id. */
    static String informed(String reportId, String agency) {
        String escalationId = UUID.randomUUID().toString();
        apply(GoldenEvents.about(EventType.ESCALATION_INFORMED, reportId, data -> data
                .put("escalationId", escalationId).put("agencyCode", agency).put("informedAt", Instant.now().toString())));
        return escalationId;
    }

    /** A change of {@code agency}'s part ({@code type}), at {@code at}, the escalation then {@code escalationStatus}. */
    static void changed(EventType type, String reportId, String escalationId, String agency, String partStatus,
            String escalationStatus, Instant at, Consumer<ObjectNode> more) {
        apply(GoldenEvents.about(type, reportId, data -> {
            data.put("escalationId", escalationId).put("agencyCode", agency).put("partStatus", partStatus)
                    .put("escalationStatus", escalationStatus).put("changedAt", at.toString());
            more.accept(data);
        }));
    }

    /** Sends the event and waits until complaint-service applied it. */
    static void apply(CloudEvent event) {
        GoldenEvents.send(event);
        await().atMost(WAIT).until(() -> ComplaintDatabase.processed(EscalationEventsConsumer.CONSUMER, event.id()));
    }

    private static void note(String id, String text, String visibility) {
        given().auth().oauth2(STAFF).contentType("application/json")
                .body("{\"text\":\"" + text + "\",\"visibility\":\"" + visibility + "\"}")
                .post("/api/complaints/" + id + "/notes").then().statusCode(201);
    }
}
