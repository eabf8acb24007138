package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.FakeUpstreams;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** An upstream with replicas: requests spread over the instances that answer; one that refuses is passed over. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(BalancedUpstreams.class)
class UpstreamInstancesTest {

    private static final String TOKEN = Tokens.resident("balance-tester", "DCY");

    @Test
    void requests_alternate_over_the_instances_and_one_that_refuses_costs_no_request() {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            instances.add(given().auth().oauth2(TOKEN)
                    .when().post("/api/test-balanced")
                    .then().statusCode(201)
                    .extract().header("X-Instance"));
        }
        // three instances in turn, the dead one's turn taken by the next: one, two, two, one, two, two, ...
        assertThat(instances).containsOnly("one", "two");
        assertThat(instances.stream().filter("one"::equals).count()).isEqualTo(4);
        assertThat(instances.stream().filter("two"::equals).count()).isEqualTo(8);
    }

    @Test
    void a_location_on_any_instance_is_rewritten_to_the_public_url() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKEN)
                    .when().get("/api/test-balanced")
                    .then().statusCode(200)
                    .header("Location", "https://api.lookout.test/api/test-balanced/7");
        }
    }
}
