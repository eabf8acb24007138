package org.lookout.cadre;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.security.Roles;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The callers and the things the registry's tests need, made through the API as its users would. */
public final class Cadre {

    public static final String PROBLEM = "application/problem+json";
    public static final String REASON_HEADER = "X-Access-Reason";
    public static final String REASON = "review before promotion";
    public static final ServiceDatabase DATABASE = ServiceDatabase.of("cadre_registry");
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Cadre() {
    }

    /** inspector-1, street DCYJD (communities DCY and DCN). */
    public static String inspector() {
        return Tokens.inspectorOf(CommunityFixture.STREET);
    }

    /** inspector-2, street XHMJD only. */
    public static String otherInspector() {
        return Tokens.builder().subject("inspector-2").roles(Roles.INSPECTOR).streets(CommunityFixture.OTHER_STREET)
                .sign();
    }

    public static String staff() {
        return Tokens.staff(CommunityFixture.COMMUNITY);
    }

    public static String head() {
        return Tokens.communityHead(CommunityFixture.COMMUNITY);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** An inspector's read: with the reason the header must give. */
    public static RequestSpecification reading(String token) {
        return as(token).header(REASON_HEADER, REASON);
    }

    /** A form with a name no other test uses. */
    public static String form(String community, String name) {
        return """
                {"name":"%s","employer":"区发展和改革委员会","post":"副主任","rank":"副处级","communityCode":"%s",
                 "building":"3-2","phone":"13800000000","registeredOn":"%s"}""".formatted(name, community,
                LocalDate.now().minusDays(3));
    }

    public static String newName() {
        return "测试干部" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /** An ACTIVE official of community DCY, registered by inspector-1; its id. */
    public static String official() {
        return official(CommunityFixture.COMMUNITY, newName());
    }

    public static String official(String community, String name) {
        awaitCommunity(community);
        return as(community.equals(CommunityFixture.OTHER) ? otherInspector() : inspector()).body(form(community, name))
                .post("/api/cadres").then().statusCode(201).extract().path("id");
    }

    /**
     * Waits until the registry's copy holds the community: the copy is built from the reference topic after the
     * application starts, so a class that runs first may otherwise register against a community not yet copied (422).
     */
    public static void awaitCommunity(String community) {
        await("community " + community + " copied from the reference topic").atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> DATABASE.number("select count(*) from community where code = ?", community) == 1);
    }

    /** A supervision record of a cadre-conduct report (sent on the complaint topic); its id. */
    public static String recordOf(CloudEvent report) {
        GoldenComplaintEvents.send(report);
        String reportId = GoldenComplaintEvents.reportId(report);
        return await("supervision record of report " + reportId).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> DATABASE.strings("select id::text from supervision_record where report_id = ?::uuid",
                        reportId).stream().findFirst().orElse(null), Objects::nonNull);
    }

    public static String record() {
        return recordOf(GoldenComplaintEvents.submittedAboutAnOfficial());
    }

    /** A record an information officer filed; its id. */
    public static String filedRecord(String text) {
        String code = as(Tokens.informationOfficer(CommunityFixture.COMMUNITY)).body("{\"text\":\"" + text + "\"}")
                .post("/api/cadres/supervision").then().statusCode(201).extract().path("trackingCode");
        return DATABASE.strings("select id::text from supervision_record where tracking_code = ?", code).getFirst();
    }

    /** An integrity opinion requested by inspector-1 about a new official of DCY; its id. */
    public static String opinion() {
        return as(inspector()).body("{\"officialId\":\"" + official() + "\",\"purpose\":\"拟提拔\"}")
                .post("/api/cadres/opinions").then().statusCode(201).extract().path("id");
    }

    /** A notice about a new official of DCY whose comment window is open; its id. */
    public static String openNotice() {
        return notice(official(), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400));
    }

    public static String notice(String officialId, Instant start, Instant end) {
        return as(inspector()).body("""
                {"officialId":"%s","kind":"PRE_APPOINTMENT","title":"任前公示","body":"拟任区发展和改革委员会主任",
                 "windowStart":"%s","windowEnd":"%s"}""".formatted(officialId, start, end))
                .post("/api/notices").then().statusCode(201).extract().path("id");
    }

    /** The first event of this type under this key on lookout.cadre.v1. */
    public static CloudEvent event(String key, EventType type) {
        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.CADRE, r -> key.equals(r.key())
                && TopicProbe.header(r, "ce_type").orElse("").equals(type.type()));
        return CloudEventKafka.fromRecord(record);
    }
}
