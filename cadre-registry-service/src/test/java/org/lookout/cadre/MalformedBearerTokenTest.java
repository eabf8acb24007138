package org.lookout.cadre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** A bearer credential that is no JWT at all is a 401 problem like any other bad token, never a 500. */
@QuarkusTest
@CadreTestResources
class MalformedBearerTokenTest {

    @ParameterizedTest(name = "Authorization: {0}")
    @MethodSource("org.lookout.testsupport.Tokens#malformedBearerHeaders")
    void isA401Problem(String authorization) {
        given().header("Authorization", authorization).when().get("/api/cadres/supervision")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }
}
