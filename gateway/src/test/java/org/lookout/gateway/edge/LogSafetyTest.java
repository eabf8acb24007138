package org.lookout.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** A path is attacker text: it never reaches the log, so it can never forge a log line. */
@QuarkusTest
@GatewayTestResources
class LogSafetyTest {

    private static final String ATTACKER = "FORGED";
    private static final String CRLF_ATTACK = "%0d%0a" + ATTACKER + "%20level=ERROR%20user=admin";

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        private final Formatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                lines.add(String.valueOf(t));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void a_line_break_in_a_path_forges_no_log_line_and_the_path_is_not_logged() {
        String token = Tokens.resident("log-tester", "DCY");
        // answers that log: an upstream that is down (WARN), a token the parser chokes on, no route, a rejected path
        RawHttp.get("/api/test-down/x", "Authorization: Bearer " + token);
        RawHttp.get("/api/test-down/x" + CRLF_ATTACK, "Authorization: Bearer " + token);
        RawHttp.get("/api/test-down/x" + CRLF_ATTACK.replace("%0d%0a", "%0D%0A"), "Authorization: Bearer " + token);
        RawHttp.get("/api/cadres/x" + CRLF_ATTACK, "Authorization: Bearer ..");
        RawHttp.get("/api/no-such-route/" + CRLF_ATTACK);
        RawHttp.get("/api/taxonomy/" + CRLF_ATTACK.replace("%0d%0a", "%2f"));

        List<String> logged = List.copyOf(lines);
        // the capture works: the down upstream's 503 was logged
        assertThat(logged).anyMatch(line -> line.contains("down-service answered 503"));
        for (String line : logged) {
            for (String physical : line.split("\\R", -1)) {
                assertThat(physical).as("a log line begins with attacker text").doesNotStartWith(ATTACKER);
            }
            assertThat(line).as("a log line quotes the request path").doesNotContain(ATTACKER);
        }
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_logged_without_its_message() {
        RawHttp.Answer answer = RawHttp.get(FailingRoute.PATH);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo("urn:lookout:problem:internal");
        assertThat(answer.body()).doesNotContain(FailingRoute.SECRET_MESSAGE).doesNotContain("IllegalStateException");
        List<String> logged = List.copyOf(lines);
        assertThat(logged).anyMatch(line -> line.contains("request " + answer.header("X-Request-Id") + " failed with 500"));
        assertThat(logged).anyMatch(line -> line.contains(IllegalStateException.class.getName()));
        assertThat(logged).noneMatch(line -> line.contains(FailingRoute.SECRET_MESSAGE));
    }
}
