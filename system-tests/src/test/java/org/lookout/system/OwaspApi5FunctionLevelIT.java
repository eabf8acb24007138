package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;

/**
 * OWASP API5:2023 Broken Function Level Authorization, on the real stack: every operation that a service's own OpenAPI
 * document declares for {@code admin} alone (its security requirement names only that role) is refused — 403 problem —
 * to every other role of the realm (resident, lookout, information officer, staff, community head, supervisor,
 * inspector, agency, the app backend) and to anonymous callers (401), through the gateway and at the service directly.
 */
class OwaspApi5FunctionLevelIT {

    enum Role {
        RESIDENT(() -> Stack.token("resident1")),
        LOOKOUT(() -> Stack.token("lookout1")),
        INFORMATION_OFFICER(() -> Stack.token("lookout2")),
        STAFF(() -> Stack.token("staff1")),
        COMMUNITY_HEAD(() -> Stack.token("head1")),
        SUPERVISOR(() -> Stack.token("supervisor1")),
        INSPECTOR(() -> Stack.token("inspector1")),
        AGENCY(() -> Stack.agencyToken("agency-police-dcy")),
        APP_BACKEND(() -> Stack.agencyToken("lookout-mobile-backend"));

        final Supplier<String> token;

        Role(Supplier<String> token) {
            this.token = token;
        }
    }

    private static final Map<Role, String> TOKENS = new java.util.EnumMap<>(Role.class);

    /** method, path and service of every admin-only operation of the four documents. */
    static List<String[]> adminOnly() {
        List<String[]> operations = new ArrayList<>();
        for (LiveServices.Service service : LiveServices.all()) {
            service.openApi().path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                Set<String> roles = roles(op.getValue());
                if (roles.equals(Set.of("admin"))) {
                    operations.add(new String[] { service.part(), op.getKey().toUpperCase(java.util.Locale.ROOT),
                            path.getKey() });
                }
            }));
        }
        return operations;
    }

    private static Set<String> roles(JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.properties().forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        return roles;
    }

    static Stream<Arguments> adminOperationTimesOtherRole() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] operation : adminOnly()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(operation[0], operation[1], operation[2], role));
            }
        }
        return cases.stream();
    }

    @Test
    void theDocumentsDeclareTheAdminOperations() {
        Map<String, Integer> perService = new LinkedHashMap<>();
        adminOnly().forEach(op -> perService.merge(op[0], 1, Integer::sum));
        System.out.println("admin-only operations per service (OpenAPI): " + perService);
        // taxonomy, communities and Open311 keys; calendar and agency directory; notification rules and SMS outbox
        assertThat(perService).containsKeys("complaint", "escalation", "notification");
        assertThat(adminOnly().stream().map(op -> op[1] + " " + op[2]).toList()).contains(
                "PUT /api/taxonomy/items/{code}", "PUT /api/calendar/days/{date}", "PUT /api/notifications/rules",
                "POST /api/open311/keys", "PUT /api/agencies/{code}");
    }

    @ParameterizedTest(name = "{0} {1} {2} as {3} → 403 (gateway and directly)")
    @MethodSource("adminOperationTimesOtherRole")
    void anAdminOperationIsRefusedToEveryOtherRole(String part, String method, String path, Role role) {
        String token = TOKENS.computeIfAbsent(role, r -> r.token.get());
        String concrete = OwaspApi9InventoryIT.sample(path);
        for (String base : List.of(Stack.GATEWAY, LiveServices.named(part).url())) {
            var request = given().baseUri(base).urlEncodingEnabled(false).auth().oauth2(token)
                    .accept("application/json");
            if (!method.equals("GET") && !method.equals("DELETE")) {
                request.contentType("application/json").body("{}");
            }
            Response answer = request.request(method, concrete);
            assertThat(answer.statusCode()).as(base + " " + method + " " + concrete + " as " + role + ": "
                    + answer.asString()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    static Stream<Arguments> adminOperation() {
        return adminOnly().stream().map(op -> Arguments.of(op[0], op[1], op[2]));
    }

    @ParameterizedTest(name = "{0} {1} {2} anonymous → 401 (gateway and directly)")
    @MethodSource("adminOperation")
    void anAdminOperationIsRefusedToAnonymousCallers(String part, String method, String path) {
        String concrete = OwaspApi9InventoryIT.sample(path);
        for (String base : List.of(Stack.GATEWAY, LiveServices.named(part).url())) {
            var request = given().baseUri(base).urlEncodingEnabled(false).accept("application/json");
            if (!method.equals("GET") && !method.equals("DELETE")) {
                // a body of the type the operation takes: what is refused is the caller, not the media type
                request.contentType("application/json").body("{}");
            }
            Response answer = request.request(method, concrete);
            assertThat(answer.statusCode()).as(base + " " + method + " " + concrete).isEqualTo(401);
        }
    }
}
