package org.lookout.cadre.tipoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;


import org.junit.jupiter.api.Test;
import org.lookout.cadre.CadreTestResources;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@CadreTestResources
class TipOffResourceTest {

    private static final String PATH = "/api/cadres/tip-offs";
    private static final String PROBLEM = "application/problem+json";
    private static final String DATABASE = "cadre_registry";
    private static final String DEFAULT_INSPECTOR = "inspector-1";

    @Test
    void everyReadByAnInspectorIsAudited() {
        long before = auditedReadsBy(DEFAULT_INSPECTOR);

        given().auth().oauth2(Tokens.inspector()).when().get(PATH).then().statusCode(200);
        given().auth().oauth2(Tokens.inspector()).when().get(PATH).then().statusCode(200);

        assertThat(auditedReadsBy(DEFAULT_INSPECTOR)).isEqualTo(before + 2);
    }

    @Test
    void withoutATokenTipOffsAreUnauthorized() {
        given().when().get(PATH).then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        given().auth().oauth2(Tokens.forged()).when().get(PATH).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void everyOtherRoleIsForbiddenAndLeavesNoTrace() {
        long before = auditedReads();
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.staff("DCY"),
                Tokens.supervisor("DCYJD"), Tokens.agency("DISCIPLINE-DCYJD"), Tokens.admin() }) {
            given().auth().oauth2(token).when().get(PATH)
                    .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        }
        assertThat(auditedReads()).isEqualTo(before);
    }

    private static long auditedReadsBy(String actor) {
        return count("select count(*) from audit_log where action = 'READ_TIP_OFFS' and actor = ?", actor);
    }

    private static long auditedReads() {
        return count("select count(*) from audit_log");
    }

    private static long count(String query, String... parameters) {
        return ServiceDatabase.of(DATABASE).number(query, (Object[]) parameters);
    }
}
