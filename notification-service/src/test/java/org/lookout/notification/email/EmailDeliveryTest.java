package org.lookout.notification.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.notification.GoldenComplaintEvents;
import org.lookout.notification.GreenMailResource.InjectGreenMail;
import org.lookout.notification.KeycloakStub;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;

/** Email over real SMTP (GreenMail): the right message, in the right language, to a verified address only. */
@QuarkusTest
@NotificationTestResources
class EmailDeliveryTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    NotificationConfig config;

    @OidcWireMock
    WireMockServer keycloak;

    @Test
    void theRatingRequestArrivesByEmailInTheReportersLanguage() throws Exception {
        String subject = "resident-" + UUID.randomUUID();
        String email = subject + "@lookout.example";
        String token = vouchedFor(subject, email);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .when().put("/api/notifications/me/contact")
                .then().statusCode(200).body("emailVerified", equalTo(true));
        CloudEvent resolved = resolvedReportOf(subject);
        String trackingNumber = GoldenEvents.trackingNumber(resolved);

        GoldenEvents.send(resolved);

        MimeMessage zh = awaitMessageTo(email, 1).getFirst();
        assertThat(zh.getSubject()).isEqualTo("反映已办结，请您评价");
        assertThat(zh.getHeader("Content-Language")).containsExactly("zh-CN");
        String text = part(zh, "text/plain");
        String html = part(zh, "text/html");
        assertThat(text).contains("您的反映 " + trackingNumber + " 已办结")
                .contains("/reports/" + resolved.subject() + "/rate");
        assertThat(html).contains("<h2>反映已办结，请您评价</h2>").contains(trackingNumber).contains("<html lang=\"zh-CN\">");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"language\":\"en\"}")
                .when().put("/api/notifications/preferences").then().statusCode(200).body("language", equalTo("en"));
        CloudEvent again = GoldenEvents.sameReport(resolved, data -> {
        });
        GoldenEvents.send(again);

        MimeMessage en = awaitMessageTo(email, 2).get(1);
        assertThat(en.getSubject()).isEqualTo("Report resolved: please rate it");
        assertThat(part(en, "text/plain")).contains("Your report " + trackingNumber + " has been resolved");
        assertThat(part(en, "text/html")).contains("<html lang=\"en\">");
    }

    @Test
    void withoutAVerifiedAddressNothingIsSentAndTheLogSaysWhy() {
        String subject = "resident-" + UUID.randomUUID();
        // the account has an address, but Keycloak has not verified it
        KeycloakStub.user(keycloak, subject, subject, subject + "@lookout.example", false, null);
        CloudEvent resolved = resolvedReportOf(subject);

        GoldenEvents.send(resolved);

        await().atMost(DEFAULT_WAIT).until(() -> ServiceDatabase.of("notification").number(
                "select count(*) from delivery_attempt where source_event_id = ? and channel = 'EMAIL' and outcome = 'SKIPPED'"
                        + " and detail = 'no verified email address'", resolved.id()) == 1);
        assertThat(ServiceDatabase.of("notification").number("select count(*) from notification where"
                + " source_event_id = ? and channel = 'EMAIL' and state = 'SKIPPED'", resolved.id())).isEqualTo(1);
    }

    @Test
    void anAddressTheAccountHasVerifiedIsUsedWhenThePersonGaveNone() throws Exception {
        String subject = "resident-" + UUID.randomUUID();
        String email = subject + "@account.example";
        KeycloakStub.user(keycloak, subject, subject, email, true, "en");
        CloudEvent resolved = resolvedReportOf(subject);

        GoldenEvents.send(resolved);

        MimeMessage message = awaitMessageTo(email, 1).getFirst();
        assertThat(message.getSubject()).as("the account's locale").isEqualTo("Report resolved: please rate it");
    }

    @Test
    void aNewAddressIsVerifiedWithTheCodeSentThere() throws Exception {
        String subject = "resident-" + UUID.randomUUID();
        String email = subject + "@elsewhere.example";
        String token = Tokens.resident(subject, "DCY");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .when().put("/api/notifications/me/contact")
                .then().statusCode(200).body("email", equalTo(email)).body("emailVerified", equalTo(false));
        MimeMessage message = awaitMessageTo(email, 1).getFirst();
        String code = part(message, "text/plain").replaceAll("(?s).*验证码是 ([0-9]{6}).*", "$1");
        assertThat(code).matches("[0-9]{6}");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"channel\":\"EMAIL\",\"code\":\"" + (code.equals("000000") ? "111111" : "000000") + "\"}")
                .when().post("/api/notifications/me/contact/verify")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\",\"code\":\"" + code + "\"}")
                .when().post("/api/notifications/me/contact/verify")
                .then().statusCode(200).body("emailVerified", equalTo(true));
        given().auth().oauth2(token).when().get("/api/notifications/me/contact")
                .then().statusCode(200).body("email", equalTo(email)).body("emailVerified", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"not an address\"}")
                .when().put("/api/notifications/me/contact")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
    }

    private CloudEvent resolvedReportOf(String subject) {
        CloudEvent submitted = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        GoldenEvents.send(submitted);
        return GoldenEvents.about(EventType.COMPLAINT_RESOLVED, submitted.subject(), data -> data
                .put("reporterRef", ReporterPseudonym.of(config.pseudonymKey(), subject))
                .put("trackingNumber", GoldenEvents.trackingNumber(submitted)));
    }

    private static String vouchedFor(String subject, String email) {
        return Tokens.builder().subject(subject).roles("resident").community("DCY").claim("email", email)
                .claim("email_verified", true).sign();
    }

    private List<MimeMessage> awaitMessageTo(String address, int count) {
        return await().atMost(DEFAULT_WAIT).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> to(message, address)).toList(), messages -> messages.size() >= count);
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(recipient -> recipient.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the message's part of {@code type}. */
    static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType(type)) {
                        return nested.getBodyPart(j).getContent().toString();
                    }
                }
            }
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
