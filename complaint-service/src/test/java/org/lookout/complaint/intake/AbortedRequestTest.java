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
 * a defect of the service: one line at INFO, no ERROR and no stack trace; nothing is stored. The line comes from the
 * REST layer's failed body read (the mappers) or, where that read learns nothing (the first 10 kB are read by the event
 * loop without a deadline; a multipart upload; a reset seen before the body is read), from the service's own watch of
 * every body ({@code StalledBodies}, a look every half read timeout: 5 s in tests): a body with no byte for a read
 * timeout is ended with the "stopped sending" line, a connection found closed at two looks in a row gets the line
 * nobody else gave. Never two lines for one request.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class AbortedRequestTest {

    private static final String PROBLEM_LOGGER = "org.lookout.problem";
    private static final String CLOSED = "the client closed the connection during POST /api/complaints: nothing answered";
    private static final String STALLED =
            "the client stopped sending its body during POST /api/complaints: connection closed, nothing answered";

    @Test
    void aChunkedJsonBodyCutShortByCloseIsOneInfoLine() throws IOException {
        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(chunkedJsonHead(), bigJson(), 300_000, true, RawHttp.Ending.CLOSE);

            assertOneInfoLine(log, List.of(CLOSED));
        }
    }

    @Test
    void aChunkedJsonBodyCutShortByResetIsOneInfoLine() throws IOException {
        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(chunkedJsonHead(), bigJson(), 300_000, true, RawHttp.Ending.RESET);

            assertOneInfoLine(log, List.of(CLOSED, STALLED));
        }
    }

    @Test
    void aBodyThatStopsComingEndsAtTheReadTimeoutAsOneInfoLine() throws IOException {
        byte[] body = ("{\"title\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (CapturedLog log = CapturedLog.start(); Socket silent = RawHttp.stall(chunkedJsonHead(), body, 50_000)) {
            assertThat(silent.isConnected()).isTrue();
            // quarkus.http.read-timeout is 10 s in tests: the worker that reads the body is let go then, not never
            assertOneInfoLine(log, List.of(STALLED));
        }
    }

    /**
     * A body that stops within its first {@code quarkus.rest.input-buffer-size} (10 kB) is read by the event loop,
     * which has no read timeout: it waited forever, with no line, until the service's own watch ({@code StalledBodies},
     * a look every read timeout) ended it.
     */
    @Test
    void aShortBodyThatStopsComingIsEndedByTheServiceAsOneInfoLine() throws IOException {
        try (CapturedLog log = CapturedLog.start();
                Socket silent = RawHttp.stall(chunkedJsonHead(), shortJson(), 2_000)) {
            assertThat(silent.isConnected()).isTrue();
            assertOneInfoLine(log, List.of(STALLED));
            // the service closed its side: the caller reads the end of the stream
            silent.setSoTimeout(5_000);
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
    }

    /**
     * The same short body, then the caller closes: the event loop's read learns nothing of it (no failure reaches the
     * mappers), so the watch says it, once, when it has found the connection closed at two looks in a row.
     */
    @Test
    void aShortBodyCutShortByCloseIsOneInfoLine() throws IOException {
        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(chunkedJsonHead(), shortJson(), 2_000, true, RawHttp.Ending.CLOSE);

            assertOneInfoLine(log, List.of(CLOSED, STALLED));
        }
    }

    /** Within 30 s one line of the problem logger, at INFO, one of {@code messages}, no stack trace; no ERROR at all. */
    private static void assertOneInfoLine(CapturedLog log, List<String> messages) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !log.of(PROBLEM_LOGGER).isEmpty());
        assertThat(log.of(PROBLEM_LOGGER)).singleElement().satisfies(record -> assertInfoLine(record, messages));
        assertThat(errorsOrStackTraces(log)).isEmpty();
    }

    private static void assertInfoLine(LogRecord record, List<String> messages) {
        assertThat(CapturedLog.message(record)).isIn(messages);
        assertThat(record.getLevel().intValue()).isEqualTo(Level.INFO.intValue());
        assertThat(record.getThrown()).isNull();
    }

    private static String chunkedJsonHead() {
        return "POST /api/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.resident("DCY")
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    /** A body under the REST layer's 10 kB in-memory read. */
    private static byte[] shortJson() {
        return ("{\"title\":\"" + "x".repeat(8_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigJson() {
        return ("{\"title\":\"" + "x".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8);
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

    /** The multipart reader never learns that its client left: no answer, the watch's line, and nothing stored. */
    @ParameterizedTest(name = "then {0}")
    @EnumSource(RawHttp.Ending.class)
    void anUploadCutShortIsOneInfoLineAndNoAttachment(RawHttp.Ending ending) throws IOException {
        String id = submit(Tokens.resident("abort-filer", "DCY"), report()).statusCode(201).extract().path("id");
        byte[] png = new byte[2_000_000];
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, png, 0, 8);
        byte[] body = RawHttp.multipart("cut-here", "file", "a.png", png, true);
        String head = "POST /api/complaints/" + id + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.staff("DCY") + "\r\n"
                + "Content-Type: multipart/form-data; boundary=cut-here\r\nTransfer-Encoding: chunked\r\n\r\n";

        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.abandon(head, body, 1_000_000, true, ending);

            assertOneInfoLine(log, List.of(
                    CLOSED.replace("/api/complaints", "/api/complaints/" + id + "/attachments"),
                    STALLED.replace("/api/complaints", "/api/complaints/" + id + "/attachments")));
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
