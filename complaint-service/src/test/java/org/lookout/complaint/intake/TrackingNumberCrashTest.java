package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Tracking numbers stay gap-free and unique per community and year when intakes run concurrently and the database
 * connections of the service are cut in the middle of their transactions — what a crash of the service (or of its
 * network) does to the transactions in flight. A burst of concurrent intakes into three communities runs while this
 * test repeatedly terminates ({@code pg_terminate_backend}) every backend of the service that is inside a transaction —
 * waiting for a counter row, holding it, or between the statement that drew a number and its commit. Afterwards every
 * committed report's number is one of 1..n of its community and year, each once, and the counter stands at n; every
 * number answered with a 201 was committed; and the next intake of each community gets n + 1.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class TrackingNumberCrashTest {

    private static final List<String> COMMUNITIES = List.of("XHY", "JXY", "QNJ");
    private static final int CLIENTS = 24;
    private static final int INTAKES_PER_CLIENT = 15;
    private static final int KILL_ROUNDS = 6;
    private static final Pattern NUMBER = Pattern.compile("\"trackingNumber\":\"([A-Z]+-\\d{4}-\\d+)\"");

    /** Cuts every connection of the service that is inside a transaction; answers how many it cut. */
    private static final String TERMINATE_IN_TRANSACTION = """
            select count(*) from (select pg_terminate_backend(pid) as cut from pg_stat_activity
             where datname = current_database() and usename = current_user and pid <> pg_backend_pid()
               and backend_type = 'client backend' and xact_start is not null) terminated where cut""";

    /** The numbers intake gave in the three communities (others' reports with numbers of their own, e.g. ST-…, left out). */
    private static final String INTAKE_NUMBERS = """
            select community_code, split_part(tracking_number, '-', 2)::int as year,
                   split_part(tracking_number, '-', 3)::int as n
              from (select community_code, tracking_number from report
                     where community_code in ('XHY', 'JXY', 'QNJ') and tracking_number ~ '^[A-Z]+-[0-9]{4}-[0-9]+$'
                    offset 0) intake""";

    @TestHTTPResource("/api/complaints")
    URI complaints;

    @Test
    void numbersStayGapFreeAndUniqueWhenConnectionsAreCutMidBurst() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        int cut = 0;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Integer>>> burst = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                String community = COMMUNITIES.get(client % COMMUNITIES.size());
                String token = Tokens.resident("crash-" + client, community);
                burst.add(clients.submit(() -> {
                    List<Integer> seen = new ArrayList<>();
                    for (int i = 0; i < INTAKES_PER_CLIENT; i++) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(complaints)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(report("water", community, "APP")))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        seen.add(response.statusCode());
                        if (response.statusCode() == 201) {
                            Matcher number = NUMBER.matcher(response.body());
                            assertThat(number.find()).as("a 201 names its tracking number").isTrue();
                            answered.add(number.group(1));
                        }
                    }
                    finished.incrementAndGet();
                    return seen;
                }));
            }
            // cut the connections again and again while the burst runs, each time after it made some progress
            for (int round = 0; round < KILL_ROUNDS && finished.get() < CLIENTS; round++) {
                long committed = committedReports();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                        .until(() -> finished.get() == CLIENTS || committedReports() >= committed + 10);
                int[] cutNow = { 0 };
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                        .until(() -> finished.get() == CLIENTS
                                || (cutNow[0] = (int) ComplaintDatabase.number(TERMINATE_IN_TRANSACTION)) > 0);
                cut += cutNow[0];
            }
            for (Future<List<Integer>> client : burst) {
                statuses.addAll(client.get());
            }
        }

        System.out.printf("TrackingNumberCrashTest: %d connections cut mid-transaction; %d of %d intakes answered 201,"
                + " %d a server error%n", cut, answered.size(), statuses.size(),
                statuses.stream().filter(status -> status >= 500).count());
        assertThat(cut).as("connections cut in the middle of a transaction").isPositive();
        assertThat(statuses).as("a cut connection is a server error, never a refusal or a hang")
                .allMatch(status -> status == 201 || status >= 500);
        assertThat(answered).as("some intakes got through").isNotEmpty();
        List<String> committedNumbers = ComplaintDatabase.strings(
                "select tracking_number from report where community_code in ('XHY', 'JXY', 'QNJ')");
        assertThat(committedNumbers).as("every number answered with a 201 was committed").containsAll(answered);
        assertGapFreeAndUnique();

        // the service goes on: the next number of each community follows the last committed one
        for (String community : COMMUNITIES) {
            long highest = ComplaintDatabase.number("select coalesce(max(n), 0) from (" + INTAKE_NUMBERS + ") r"
                    + " where community_code = ? and year = (select max(year) from tracking_counter where community_code = ?)",
                    community, community);
            HttpResponse<String>[] next = new HttpResponse[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (next[0] = http.send(HttpRequest.newBuilder(complaints)
                    .header("Authorization", "Bearer " + Tokens.resident("crash-after", community))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report("water", community, "APP")))
                    .build(), HttpResponse.BodyHandlers.ofString())).statusCode() == 201);
            Matcher number = NUMBER.matcher(next[0].body());
            assertThat(number.find()).isTrue();
            assertThat(Long.parseLong(number.group(1).substring(number.group(1).lastIndexOf('-') + 1)))
                    .as("the next number of " + community).isEqualTo(highest + 1);
        }
        assertGapFreeAndUnique();
    }

    private static long committedReports() {
        return ComplaintDatabase.number("select count(*) from report where community_code in ('XHY', 'JXY', 'QNJ')");
    }

    /** Per community and year: n reports, n distinct numbers, the highest n, the counter at n. */
    private static void assertGapFreeAndUnique() {
        List<String> broken = ComplaintDatabase.strings(
                "select r.community_code || '-' || r.year || ': ' || count(*) || ' reports, ' || count(distinct r.n)"
                        + " || ' distinct numbers, highest ' || max(r.n) || ', counter ' || max(c.last_value)"
                        + " from (" + INTAKE_NUMBERS + ") r"
                        + " join tracking_counter c on c.community_code = r.community_code and c.year = r.year"
                        + " group by r.community_code, r.year"
                        + " having count(*) <> count(distinct r.n) or count(*) <> max(r.n)"
                        + " or count(*) <> max(c.last_value)");
        assertThat(broken).as("communities whose numbers have a gap or a duplicate").isEmpty();
    }
}
