package org.lookout.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_COMMUNITY;
import static org.lookout.escalation.EscalationFixtures.ESCALATIONS;
import static org.lookout.escalation.EscalationFixtures.PROBLEM;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Text PostgreSQL cannot store (NUL) or that is not UTF-8 at all, in a JSON field, a query parameter or a path
 * segment: a 400 problem naming where, before anything reaches the database (it used to be a 500).
 */
@QuarkusTest
@EscalationTestResources
class UnreadableInputTest {

    private static final String NOT_UTF8 = "must be percent-encoded UTF-8";

    @Test
    void aNulInAJsonFieldIsNamedAndNothingIsStored() {
        String reportId = EscalationFixtures.knownReport();
        Map<String, Object> body = EscalationFixtures.manual(reportId, List.of("police-dcy"), null);
        body.put("reason", "fuel cans\u0000 in the lift room");

        post(body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("must not contain control characters (U+0000 to U+001F other than"
                        + " tab, line feed and carriage return)"));
        body.put("reason", "fuel cans");
        body.put("agencies", List.of("police-dcy\u0000"));
        post(body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("agencies[0]"));
        assertThat(EscalationDatabase.number("select count(*) from escalation where report_id = '" + reportId + "'"))
                .isZero();
    }

    @Test
    void tabsAndLineBreaksInTextAreFine() {
        String reportId = EscalationFixtures.knownReport();
        Map<String, Object> body = EscalationFixtures.manual(reportId, List.of("police-dcy"), null);
        body.put("reason", "line one\r\nline two\tindented");

        post(body).statusCode(201).body("reason", equalTo("line one\r\nline two\tindented"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "overlong NUL, c080",
            "overlong slash, e080af",
            "surrogate, eda080",
            "stray continuation byte, 80",
            "not UTF-8 at all, ff",
            "cut short, e282",
    })
    void aBodyThatIsNotUtf8Is400(String what, String bytes) throws IOException {
        String reportId = EscalationFixtures.knownReport();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("{\"reportId\":\"" + reportId + "\",\"agencies\":[\"police-dcy\"],\"dueInWorkingDays\":3,"
                + "\"reason\":\"fuel cans ").getBytes(StandardCharsets.UTF_8));
        body.write(HexFormat.of().parseHex(bytes));
        body.write(" in the lift room\"}".getBytes(StandardCharsets.UTF_8));

        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON).body(body.toByteArray())
                .when().post(ESCALATIONS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("the body is not valid UTF-8"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET | /api/escalations?status=OPEN%00 | status | must not contain control characters",
            "GET | /api/escalations?reportId=%C0%80 | reportId | " + NOT_UTF8,
            "GET | /api/escalations?status=%E2%82 | status | " + NOT_UTF8,
            "GET | /api/agencies/police-dcy%00 | code | must not contain control characters",
            "GET | /api/agencies/police%C0%AFdcy | code | " + NOT_UTF8,
            "DELETE | /api/calendar/days/2026-03-02?reason=a%01b | reason | must not contain control characters",
    })
    void aQueryOrPathParameterThatIsNotPlainTextIsNamed(String method, String uri, String field, String message) {
        given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false).when().request(method, uri)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", startsWith(message));
    }

    /**
     * A broken escape never reaches a service: Quarkus's HTTP layer checks the URI before any route and answers a bare
     * 400 (no body can be added short of switching that check off with {@code -Dvertx.disableURIValidation}).
     */
    @Test
    void aBrokenPercentEscapeIsRefusedBeforeTheService() throws IOException {
        for (String uri : List.of("/api/escalations?status=%zz", "/api/agencies/police%2", "/api/escalations?%=OPEN")) {
            String answer = raw("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.admin() + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).as(uri).startsWith("HTTP/1.1 400 ");
        }
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON).body(body)
                .when().post(ESCALATIONS).then();
    }

    /** What a client that does not check its URI sends; rest-assured refuses to build such a request. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
