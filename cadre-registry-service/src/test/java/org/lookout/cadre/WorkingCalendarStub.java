package org.lookout.cadre;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * escalation-service's {@code GET /api/calendar/deadline} as a real HTTP server in the test JVM, on the plain
 * Monday–Friday rule (the day of receipt does not count; due at 24:00 Asia/Shanghai of the last counted day). A test
 * can take it down (503) or make it answer a fixed due time.
 */
public class WorkingCalendarStub implements QuarkusTestResourceLifecycleManager {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static volatile boolean down;
    private static volatile Instant fixedDue;
    private static final AtomicInteger ANSWERED = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the calendar stub", e);
        }
        server.createContext("/api/calendar/deadline", WorkingCalendarStub::answer);
        server.start();
        return Map.of("quarkus.rest-client.working-calendar.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** While down, every request is answered 503, as the gateway would while escalation-service is away. */
    public static void down(boolean isDown) {
        down = isDown;
    }

    /** Every deadline answered is this one until {@link #reset()} (e.g. one already past). */
    public static void answerDue(Instant due) {
        fixedDue = due;
    }

    public static void reset() {
        down = false;
        fixedDue = null;
    }

    public static int answered() {
        return ANSWERED.get();
    }

    /** The Monday–Friday deadline the stub answers. */
    public static Instant deadline(Instant from, int workingDays) {
        LocalDate day = from.atZone(SHANGHAI).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                send(exchange, 503, "{\"status\":503}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Instant from = Instant.parse(query.get("from"));
            int days = Integer.parseInt(query.get("workingDays"));
            Instant due = fixedDue != null ? fixedDue : deadline(from, days);
            ANSWERED.incrementAndGet();
            send(exchange, 200, "{\"from\":\"%s\",\"workingDays\":%d,\"dueAt\":\"%s\",\"provisional\":false}"
                    .formatted(from, days, due));
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
