package org.lookout.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.lookout.complaint.ComplaintTestSupport.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** {@code Idempotency-Key} on {@code POST /api/complaints} (the idempotency library, wired by configuration). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class IdempotencyKeyTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    private static Response post(String token, String key, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header(KEY, key).body(body)
                .when().post("/api/complaints");
    }

    private static List<String> filedIds(String token) {
        return given().auth().oauth2(token).get("/api/complaints")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    @Test
    void aRetryReturnsTheFirstAnswerByteForByteAndCreatesNothing() {
        String token = Tokens.resident("DCY");
        String key = UUID.randomUUID().toString();

        Response first = post(token, key, report());
        first.then().statusCode(201).header(REPLAYED, nullValue());
        Response retry = post(token, key, report());

        retry.then().statusCode(201).header(REPLAYED, equalTo("true"));
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(retry.getContentType()).isEqualTo(first.getContentType());
        assertThat(retry.getHeader("Location")).isNotNull().isEqualTo(first.getHeader("Location"));
        String id = first.path("id");
        assertThat((String) retry.path("trackingNumber")).isEqualTo(first.path("trackingNumber"));
        assertThat(filedIds(token)).as("the retry filed nothing").containsOnlyOnce(id);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String token = Tokens.resident("DCY");
        String key = UUID.randomUUID().toString();
        post(token, key, report()).then().statusCode(201);

        post(token, key, report("water", "DCY", "APP"))
                .then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo(KEY));
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyCreateExactlyOneReport() throws Exception {
        String token = Tokens.resident("concurrent-" + UUID.randomUUID(), "DCY");
        String key = UUID.randomUUID().toString();
        String body = report();
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(token, key, body);
                }));
            }
            start.countDown();
            List<Response> answers = Collections.synchronizedList(new ArrayList<>());
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }

            List<Response> created = answers.stream()
                    .filter(r -> r.statusCode() == 201 && r.getHeader(REPLAYED) == null).toList();
            List<Response> replayed = answers.stream()
                    .filter(r -> r.statusCode() == 201 && "true".equals(r.getHeader(REPLAYED))).toList();
            List<Response> inProgress = answers.stream().filter(r -> r.statusCode() == 409).toList();
            assertThat(created).as("exactly one request ran").hasSize(1);
            assertThat(replayed.size() + inProgress.size()).as("every other got 409 or the replay").isEqualTo(n - 1);
            inProgress.forEach(r -> r.then().contentType(PROBLEM).body("errors[0].field", equalTo(KEY)));
            byte[] original = created.get(0).asByteArray();
            replayed.forEach(r -> assertThat(r.asByteArray()).isEqualTo(original));

            assertThat(filedIds(token)).containsExactly((String) created.get(0).path("id"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysArePerCaller() {
        String key = UUID.randomUUID().toString();
        String alice = Tokens.resident("alice-" + key, "DCY");
        String bob = Tokens.resident("bob-" + key, "DCY");

        Response first = post(alice, key, report());
        Response second = post(bob, key, report());

        first.then().statusCode(201).header(REPLAYED, nullValue());
        second.then().statusCode(201).header(REPLAYED, nullValue());
        assertThat((String) second.path("id")).isNotEqualTo(first.path("id"));
        assertThat(filedIds(bob)).containsExactly((String) second.path("id"));
    }

    @Test
    void aMalformedKeyIsABadRequestNamingTheHeader() {
        post(Tokens.resident("DCY"), "x".repeat(256), report())
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(KEY));
    }
}
