import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of {@code ./lookout chaos} (deploy/local/chaos.sh), a single-file Java program (no build, JDK 21+), only
 * against 127.0.0.1 through the gateway.
 *
 * <pre>
 * java ChaosLoad.java load   &lt;gateway&gt; &lt;realm-url&gt; &lt;out-dir&gt; &lt;requests/s&gt; &lt;stop-file&gt; &lt;marker&gt;
 * java ChaosLoad.java verify &lt;gateway&gt; &lt;realm-url&gt; &lt;out-dir&gt;
 * java ChaosLoad.java report &lt;out-dir&gt;
 * </pre>
 *
 * {@code load} works reports through their whole life until the stop file appears, then lets the workflows in flight
 * finish: a resident (resident1) files one (an {@code Idempotency-Key} per report, the same on every retry), staff
 * (staff1) accept, assign, respond and resolve it, the resident rates it (→ CLOSED); one in ten is an item that
 * escalates at once (food-drug-safety), left to escalation-service. Requests are paced to the given rate. An answer that
 * is not definitive (a 5xx problem, 429, a refused connection, a timeout) is retried after a pause; a 409 on a retried
 * command is the command applied earlier if the report is already where it was sent. Every request goes to
 * {@code requests.csv} (start ms, operation, status, whether the body was a problem, ms); every 201 to
 * {@code reports.csv}. {@code verify} reads each report and its history back. {@code report} prints the answer table.
 */
public class ChaosLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final List<String> NORMAL_STEPS = List.of("RECEIVED", "ACCEPTED", "ASSIGNED", "RESPONDED", "RESOLVED", "CLOSED");
    static final Duration GIVE_UP = Duration.ofMinutes(6);

    record Answer(int status, String body, boolean problem) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> new Load(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]), Path.of(args[5]),
                    args[6]).run();
            case "verify" -> verify(args[1], args[2], Path.of(args[3]));
            case "report" -> report(Path.of(args[1]));
            default -> throw new IllegalArgumentException("load | verify | report");
        }
    }

    // ------------------------------------------------------------------ tokens

    /** A user's access token, fetched again at half its life; the old one serves while Keycloak is away. */
    static final class Token {
        private final String realm;
        private final String user;
        private volatile String value;
        private volatile long renewAt;

        Token(String realm, String user) {
            this.realm = realm;
            this.user = user;
        }

        synchronized String get() {
            if (value == null || System.currentTimeMillis() >= renewAt) {
                try {
                    String form = "grant_type=password&client_id=lookout-app&scope=openid&username=" + user
                            + "&password=" + URLEncoder.encode(System.getenv().getOrDefault("LOOKOUT_PASSWORD", "demo"),
                                    StandardCharsets.UTF_8);
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm
                            + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        value = field(response.body(), "access_token").orElseThrow();
                        long lifeSeconds = field(response.body(), "expires_in").map(Long::parseLong).orElse(300L);
                        renewAt = System.currentTimeMillis() + lifeSeconds * 500;
                    } else {
                        renewAt = System.currentTimeMillis() + 2_000;
                    }
                } catch (IOException | RuntimeException e) {
                    renewAt = System.currentTimeMillis() + 2_000;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return value;
        }

        synchronized void expire() {
            renewAt = 0;
        }
    }

    /** The first value of {@code "name"} in a JSON text: a string (escapes kept as they are) or a bare literal. */
    static Optional<String> field(String json, String name) {
        int at = json.indexOf("\"" + name + "\"");
        if (at < 0) {
            return Optional.empty();
        }
        int i = at + name.length() + 2;
        while (i < json.length() && (json.charAt(i) == ':' || Character.isWhitespace(json.charAt(i)))) {
            i++;
        }
        if (i >= json.length()) {
            return Optional.empty();
        }
        if (json.charAt(i) == '"') {
            int end = i + 1;
            while (end < json.length() && json.charAt(end) != '"') {
                end += json.charAt(end) == '\\' ? 2 : 1;
            }
            return Optional.of(json.substring(i + 1, Math.min(end, json.length())));
        }
        int end = i;
        while (end < json.length() && ",}] \n".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        String literal = json.substring(i, end);
        return literal.equals("null") ? Optional.empty() : Optional.of(literal);
    }

    static List<String> all(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Answer call(String method, String url, String token, String body, Map<String, String> headers)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(35));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), response.body(), type.startsWith("application/problem+json"));
        } catch (IOException e) {
            // no answer: refused (the gateway is down) or timed out
            return new Answer(e instanceof java.net.http.HttpTimeoutException ? -2 : -1, "", false);
        }
    }

    // ------------------------------------------------------------------ load

    static final class Load {
        final String gateway;
        final Path out;
        final Path stop;
        final String marker;
        final Token resident;
        final Token staff;
        final long nanosPerRequest;
        final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
        final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> reports = new ConcurrentLinkedQueue<>();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger unfinished = new AtomicInteger();

        Load(String gateway, String realm, Path out, int rate, Path stop, String marker) {
            this.gateway = gateway;
            this.out = out;
            this.stop = stop;
            this.marker = marker;
            this.resident = new Token(realm, "resident1");
            this.staff = new Token(realm, "staff1");
            this.nanosPerRequest = 1_000_000_000L / rate;
        }

        void run() throws Exception {
            Files.createDirectories(out);
            if (resident.get() == null || staff.get() == null) {
                throw new IllegalStateException("no token for resident1 or staff1: is Keycloak up?");
            }
            int workers = 48;
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> {
                    while (!Files.exists(stop)) {
                        try {
                            workflow();
                        } catch (InterruptedException e) {
                            return null;
                        } catch (RuntimeException e) {
                            System.err.println("workflow failed: " + e);
                        }
                    }
                    return null;
                });
            }
            Thread flusher = Thread.ofVirtual().start(this::flushLoop);
            pool.shutdown();
            // the stop file ends new workflows; those in flight get up to GIVE_UP to finish
            while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                flush();
            }
            flusher.interrupt();
            flush();
            Files.writeString(out.resolve("load.txt"), "workflows=" + started.get() + "\nunfinished=" + unfinished.get()
                    + "\n");
            System.out.printf("load: %d workflows, %d unfinished%n", started.get(), unfinished.get());
        }

        void flushLoop() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(2_000);
                    flush();
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    System.err.println("flush: " + e);
                }
            }
        }

        synchronized void flush() throws IOException {
            drain(requests, out.resolve("requests.csv"));
            drain(reports, out.resolve("reports.csv"));
        }

        private static void drain(ConcurrentLinkedQueue<String> queue, Path file) throws IOException {
            StringBuilder lines = new StringBuilder();
            String line;
            while ((line = queue.poll()) != null) {
                lines.append(line).append('\n');
            }
            if (!lines.isEmpty()) {
                Files.writeString(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }

        void pace() throws InterruptedException {
            long slot = nextSlot.getAndAdd(nanosPerRequest);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else if (wait < -1_000_000_000L) {
                // do not build a backlog while requests were slow: catch up at most one second
                nextSlot.accumulateAndGet(System.nanoTime() - 1_000_000_000L, Math::max);
            }
        }

        Answer request(String op, String method, String path, Token token, String body, Map<String, String> headers)
                throws InterruptedException {
            pace();
            long start = System.currentTimeMillis();
            Answer answer = call(method, gateway + path, token.get(), body, headers);
            requests.add(start + "," + op + "," + answer.status() + "," + (answer.problem() ? 1 : 0) + ","
                    + (System.currentTimeMillis() - start));
            if (answer.status() == 401) {
                token.expire();
            }
            return answer;
        }

        static boolean retryable(Answer answer) {
            return answer.status() < 0 || answer.status() == 401 || answer.status() == 429 || answer.status() >= 500;
        }

        void workflow() throws InterruptedException {
            int n = started.incrementAndGet();
            boolean escalating = n % 10 == 0;
            Instant deadline = Instant.now().plus(GIVE_UP);
            String key = UUID.randomUUID().toString();
            String body = """
                    {"itemCode":"%s","title":"%s %d","description":"chaos load","communityCode":"DCY",
                     "location":{"address":"东朝阳路南社区 %d号楼","building":"%d-1"},"channel":"APP","anonymous":false}
                    """.formatted(escalating ? "food-drug-safety" : "corridor-lighting", marker, n, n % 40 + 1,
                    n % 40 + 1);
            Answer created;
            while (true) {
                created = request("intake", "POST", "/api/complaints", resident, body, Map.of("Idempotency-Key", key));
                if (created.status() == 201) {
                    break;
                }
                // 409 on the Idempotency-Key: the first try (its answer lost to a 504) is still being processed
                boolean keyBusy = created.status() == 409 && created.body().contains("\"Idempotency-Key\"");
                if (!(retryable(created) || keyBusy) || Instant.now().isAfter(deadline)) {
                    System.err.println("intake gave up: " + created.status() + " " + created.body());
                    unfinished.incrementAndGet();
                    return;
                }
                Thread.sleep(1_000);
            }
            String id = field(created.body(), "id").orElseThrow();
            String number = field(created.body(), "trackingNumber").orElse("");
            String expected = escalating ? "ESCALATED" : "CLOSED";
            reports.add(id + "," + number + "," + (escalating ? "escalating" : "normal") + "," + expected);
            if (escalating) {
                // an item that escalates at once does so when it is accepted (escalation-service, on accepted)
                if (!command(staff, id, "accept", "{}", Set.of("ACCEPTED", "ESCALATED"), deadline)) {
                    unfinished.incrementAndGet();
                    reports.add(id + "," + number + ",unfinished,?");
                }
                return;
            }
            boolean done = command(staff, id, "accept", "{}", "ACCEPTED", deadline)
                    && command(staff, id, "assign", "{\"unit\":\"VOLUNTEER\"}", "ASSIGNED", deadline)
                    && command(staff, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now()
                            + "\"}", "RESPONDED", deadline)
                    && command(staff, id, "resolve", "{\"result\":\"灯泡已更换\"}", "RESOLVED", deadline)
                    && command(resident, id, "feedback", "{\"satisfied\":true}", "CLOSED", deadline);
            if (!done) {
                unfinished.incrementAndGet();
                reports.add(id + "," + number + ",unfinished,?");
            }
        }

        /** Sends until the report is where the command takes it; false when it cannot get there. */
        boolean command(Token token, String id, String action, String body, String target, Instant deadline)
                throws InterruptedException {
            return command(token, id, action, body, Set.of(target), deadline);
        }

        boolean command(Token token, String id, String action, String body, Set<String> targets, Instant deadline)
                throws InterruptedException {
            boolean retried = false;
            while (Instant.now().isBefore(deadline)) {
                Answer answer = request(action, "POST", "/api/complaints/" + id + "/" + action, token, body, Map.of());
                if (answer.status() == 200) {
                    return true;
                }
                if (answer.status() == 409) {
                    String type = field(answer.body(), "type").orElse("");
                    if (!type.endsWith("concurrent-change")) {
                        Answer now = request("read", "GET", "/api/complaints/" + id, staff, null, Map.of());
                        if (now.status() == 200 && targets.contains(field(now.body(), "status").orElse(""))) {
                            // an earlier try was applied and its answer lost
                            return true;
                        }
                        if (!retried) {
                            System.err.println(action + " " + id + ": 409 " + answer.body());
                            return false;
                        }
                    }
                } else if (!retryable(answer)) {
                    System.err.println(action + " " + id + ": " + answer.status() + " " + answer.body());
                    return false;
                }
                retried = true;
                Thread.sleep(1_000);
            }
            return false;
        }
    }

    // ------------------------------------------------------------------ verify

    static void verify(String gateway, String realm, Path out) throws Exception {
        Token staff = new Token(realm, "staff1");
        List<String> lines = Files.readAllLines(out.resolve("reports.csv"));
        Map<String, String[]> reports = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (f[2].equals("unfinished") && reports.containsKey(f[0])) {
                reports.get(f[0])[2] = "unfinished";
            } else {
                reports.putIfAbsent(f[0], f);
            }
        }
        int missing = 0;
        int wrongHistory = 0;
        int wrongState = 0;
        int checked = 0;
        int unfinished = 0;
        List<String> problems = new ArrayList<>();
        for (String[] r : reports.values()) {
            String id = r[0];
            Answer report = retrying(() -> call("GET", gateway + "/api/complaints/" + id, staff.get(), null, Map.of()));
            checked++;
            if (report.status() == 404) {
                missing++;
                problems.add("missing " + id + " " + r[1]);
                continue;
            }
            Answer history = retrying(() -> call("GET", gateway + "/api/complaints/" + id + "/history", staff.get(), null,
                    Map.of()));
            List<String> steps = all(history.body(), "toStatus");
            String status = field(report.body(), "status").orElse("?");
            if (r[2].equals("unfinished")) {
                unfinished++;
                // a workflow that gave up: its history must still hold each state once, in order
                if (!NORMAL_STEPS.subList(0, Math.min(steps.size(), NORMAL_STEPS.size())).equals(steps)) {
                    wrongHistory++;
                    problems.add("history " + id + " " + steps);
                }
                continue;
            }
            if (r[2].equals("normal")) {
                if (!steps.equals(NORMAL_STEPS)) {
                    wrongHistory++;
                    problems.add("history " + id + " " + r[1] + " " + steps);
                }
                if (!status.equals("CLOSED")) {
                    wrongState++;
                    problems.add("state " + id + " " + status);
                }
            } else {
                // escalating: received, accepted, then escalated (escalation-service opened it from the accepted
                // event); that it was escalated once is checked in escalation-service's database
                if (steps.size() < 3 || !steps.subList(0, 2).equals(List.of("RECEIVED", "ACCEPTED"))
                        || steps.stream().filter("ESCALATED"::equals).count() != 1) {
                    wrongHistory++;
                    problems.add("history " + id + " " + r[1] + " " + steps);
                }
                if (!status.equals("ESCALATED")) {
                    wrongState++;
                    problems.add("state " + id + " " + status);
                }
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("verify.txt")))) {
            w.printf("reports_201=%d%nreports_missing=%d%nhistory_wrong=%d%nstate_wrong=%d%nunfinished=%d%n", checked,
                    missing, wrongHistory, wrongState, unfinished);
        }
        Files.write(out.resolve("verify-problems.txt"), problems);
        System.out.printf("verify: %d reports read back, %d missing, %d with a wrong history, %d in a wrong state,"
                + " %d unfinished workflows%n", checked, missing, wrongHistory, wrongState, unfinished);
    }

    interface Call {
        Answer call() throws InterruptedException;
    }

    /** The stack is back when verify runs; a late 5xx is tried again for a minute. */
    static Answer retrying(Call call) throws InterruptedException {
        Answer answer = call.call();
        for (int i = 0; i < 60 && (answer.status() < 0 || answer.status() >= 500 || answer.status() == 401); i++) {
            Thread.sleep(1_000);
            answer = call.call();
        }
        return answer;
    }

    // ------------------------------------------------------------------ report

    /** Answers by operation and status; the statuses no caller may see (500, an error without a problem body). */
    static void report(Path out) throws IOException {
        Map<String, Map<String, Integer>> byOp = new TreeMap<>();
        int undocumented = 0;
        int total = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (String line : Files.readAllLines(out.resolve("requests.csv"))) {
            String[] f = line.split(",");
            long at = Long.parseLong(f[0]);
            int status = Integer.parseInt(f[2]);
            boolean problem = f[3].equals("1");
            first = Math.min(first, at);
            last = Math.max(last, at);
            total++;
            String label = status == -1 ? "no answer (refused)" : status == -2 ? "no answer (timeout)"
                    : status + (status >= 400 && !problem ? " NOT a problem" : "");
            boolean documented = status < 0 || status == 200 || status == 201 || status == 409
                    || (status >= 400 && status != 500 && problem);
            if (!documented) {
                undocumented++;
            }
            byOp.computeIfAbsent(f[1], k -> new TreeMap<>()).merge(label, 1, Integer::sum);
        }
        double seconds = Math.max(1, (last - first) / 1000.0);
        StringBuilder table = new StringBuilder("| operation | answers |\n|---|---|\n");
        byOp.forEach((op, counts) -> table.append("| ").append(op).append(" | ")
                .append(String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                        .toList()))
                .append(" |\n"));
        Files.writeString(out.resolve("answers.md"), table);
        Files.writeString(out.resolve("answers.txt"), "requests=" + total + "\nrate=" + String.format("%.1f", total / seconds)
                + "\nundocumented=" + undocumented + "\nseconds=" + Math.round(seconds) + "\n");
        System.out.print(table);
        System.out.printf("%d requests in %.0f s (%.1f/s); answers outside the documented ones: %d%n", total, seconds,
                total / seconds, undocumented);
    }
}
