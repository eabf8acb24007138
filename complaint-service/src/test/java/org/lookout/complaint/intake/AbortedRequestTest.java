package org.lookout.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lookout.complaint.CapturedLog;
import org.lookout.complaint.RawHttp;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A client that goes away mid-body (the gateway cutting an oversized chunked upload, a phone losing its network) is not
 * a defect of the service: one line at INFO, no ERROR and no stack trace; nothing is stored. A reset that arrives while
 * the body's reading is paused (the blocking JSON reader applies backpressure) is sometimes not seen by the event loop;
 * then the body read ends at {@code quarkus.http.read-timeout} (10 s in tests) with the same line.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class AbortedRequestTest {

    private static final String PROBLEM_LOGGER = "org.lookout.problem";
    private static final String CLOSED = "the client closed the connection during POST /api/complaints: nothing answered";
    private static final String STALLED =
            "the client stopped sending its body during POST /api/complaints: connection closed, nothing answered";

    @ParameterizedTest(name = "then {0}")
    @EnumSource(RawHttp.Ending.class)
    void aChunkedJsonBodyCutShortIsOneInfoLine(RawHttp.Ending ending) throws IOException {
        byte[] body = ("{\"title\":\"" + "x".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.resident("DCY") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(head, body, 300_000, true, ending);

            // a reset the event loop did not see while the body was paused ends at the read timeout
            assertOneInfoLine(log, ending == RawHttp.Ending.RESET ? List.of(CLOSED, STALLED) : List.of(CLOSED));
        }
    }

    @Test
    void aBodyThatStopsComingEndsAtTheReadTimeoutAsOneInfoLine() throws IOException {
        byte[] body = ("{\"title\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.resident("DCY") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        try (CapturedLog log = CapturedLog.start(); Socket silent = RawHttp.stall(head, body, 50_000)) {
            assertThat(silent.isConnected()).isTrue();
            // quarkus.http.read-timeout is 10 s in tests: the worker that reads the body is let go then, not never
            assertOneInfoLine(log, List.of(STALLED));
        }
    }

    /** Within 30 s one line of the problem logger, at INFO, one of {@code messages}, no stack trace; no ERROR at all. */
    private static void assertOneInfoLine(CapturedLog log, List<String> messages) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !log.of(PROBLEM_LOGGER).isEmpty());
        assertThat(log.of(PROBLEM_LOGGER)).singleElement().satisfies(record -> {
            assertThat(CapturedLog.message(record)).isIn(messages);
            assertThat(record.getLevel().intValue()).isEqualTo(Level.INFO.intValue());
            assertThat(record.getThrown()).isNull();
        });
        assertThat(errorsOrStackTraces(log)).isEmpty();
    }

    @Test
    void aBodyShorterThanItsContentLengthIsOneInfoLine() throws IOException {
        byte[] body = ("{\"title\":\"" + "x".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.resident("DCY") + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";

        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(head, body, 300_000, false, RawHttp.Ending.CLOSE);

            await().atMost(Duration.ofSeconds(30)).until(() -> !log.of(PROBLEM_LOGGER).isEmpty());
            assertThat(log.of(PROBLEM_LOGGER)).singleElement()
                    .satisfies(record -> assertThat(record.getThrown()).isNull());
            assertThat(errorsOrStackTraces(log)).isEmpty();
        }
    }

    /** The multipart reader never learns that its client left: no answer, no line, and nothing stored. */
    @ParameterizedTest(name = "then {0}")
    @EnumSource(RawHttp.Ending.class)
    void anUploadCutShortLeavesNoErrorAndNoAttachment(RawHttp.Ending ending) throws IOException {
        String id = submit(Tokens.resident("abort-filer", "DCY"), report()).statusCode(201).extract().path("id");
        byte[] png = new byte[2_000_000];
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, png, 0, 8);
        byte[] body = RawHttp.multipart("cut-here", "file", "a.png", png, true);
        String head = "POST /api/complaints/" + id + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.staff("DCY") + "\r\n"
                + "Content-Type: multipart/form-data; boundary=cut-here\r\nTransfer-Encoding: chunked\r\n\r\n";

        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(head, body, 1_000_000, true, ending);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> errorsOrStackTraces(log).isEmpty());
        }
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + id + "/attachments")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** ERROR lines and stack traces of the service (Kafka's own client logs are not the service's). */
    private static List<LogRecord> errorsOrStackTraces(CapturedLog log) {
        return log.all().stream()
                .filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null)
                .filter(record -> record.getLoggerName() == null
                        || !record.getLoggerName().startsWith("org.apache.kafka"))
                .toList();
    }
}
