package org.lookout.gateway.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lookout.testsupport.Tokens;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * The dashboard signed in the way a browser does it: the redirect to the OIDC server with a PKCE challenge, the
 * callback with a code the token endpoint exchanges only together with the verifier, then pages with the session
 * cookie. The tokens are signed like Keycloak's ({@link Tokens}); the services are {@link DashboardUpstreams}.
 */
@QuarkusTest
@WithTestResource(DashboardUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class DashboardPagesTest {

    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

    @OidcWireMock
    WireMockServer oidc;

    @ConfigProperty(name = "lookout.gateway.upstreams.complaint-service.url")
    URI services;

    @Test
    void without_a_session_the_page_sends_the_browser_to_sign_in_with_a_pkce_challenge() {
        Response response = given().redirects().follow(false).when().get("/dashboard");
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).contains("/auth/realms/quarkus?").contains("client_id=lookout-dashboard")
                .contains("response_type=code").contains("code_challenge_method=S256").contains("code_challenge=")
                .contains("redirect_uri=").contains("%2Fdashboard%2Fcallback");
    }

    @Test
    void a_supervisor_sees_the_months_rates_per_community_and_category_and_the_board_in_chinese_by_default() {
        String token = Tokens.supervisor("DCYJD");
        Map<String, String> session = signIn(token);
        String html = given().cookies(session).redirects().follow(false)
                .when().get("/dashboard?month=2026-11")
                .then().statusCode(200)
                .contentType("text/html")
                .header("Content-Language", "zh-CN")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .extract().asString();
        assertThat(html).contains("<html lang=\"zh-CN\">", "街道监督看板", "东朝阳路南社区", "社会生活")
                .contains("75%", "(3/4)", "—", "(0/0)")
                // the board's breached clock links to its report, the community's breach count to its worklist
                .contains("href=\"/dashboard/reports/" + DashboardUpstreams.BREACHED_REPORT + "\"")
                .contains("href=\"/dashboard/worklist?community=DCY&amp;breached=true\"")
                .contains("href=\"/dashboard/worklist?community=DCY&amp;month=2026-11\"")
                // charts are decoration beside the numbers a screen reader reads
                .contains("aria-hidden=\"true\"", "<caption")
                .doesNotContain("<script", "style=\"");
        JsonObject last = last();
        assertThat(last.getString("authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void the_statistics_are_read_for_the_chosen_month_and_community() {
        Map<String, String> session = signIn(Tokens.supervisor("DCYJD"));
        given().cookies(session).when().get("/dashboard?month=2026-02&community=DCY").then().statusCode(200);
        // the last call of the three is either one; the board is scoped to the community
        assertThat(last().getString("uri")).satisfiesAnyOf(
                uri -> assertThat(uri).isEqualTo("/api/escalations/board?community=DCY"),
                uri -> assertThat(uri).isEqualTo("/api/statistics?groupBy=category&from=2026-02-01&to=2026-02-28&scope=DCY"),
                uri -> assertThat(uri).isEqualTo("/api/statistics?groupBy=community&from=2026-02-01&to=2026-02-28"));
    }

    @Test
    void english_by_accept_language_and_a_switch_that_is_remembered() {
        Map<String, String> session = signIn(Tokens.staff("DCY"));
        given().cookies(session).header("Accept-Language", "en-GB,en;q=0.8")
                .when().get("/dashboard")
                .then().statusCode(200).header("Content-Language", "en")
                .body(containsString("Street dashboard"), containsString("On site in time"),
                        containsString("Dongchaoyang Road South"));
        Response switched = given().cookies(session).header("Accept-Language", "en")
                .when().get("/dashboard?lang=zh-CN");
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(switched.asString()).contains("按时到场率");
        assertThat(switched.getCookie(DashboardPages.LANGUAGE_COOKIE)).isEqualTo("zh-CN");
        given().cookies(session).cookie(DashboardPages.LANGUAGE_COOKIE, "zh-CN").header("Accept-Language", "en")
                .when().get("/dashboard").then().statusCode(200).header("Content-Language", "zh-CN");
    }

    @Test
    void the_breach_drill_down_lists_the_breached_reports_and_opens_one() {
        Map<String, String> session = signIn(Tokens.supervisor("DCYJD"));
        String worklist = given().cookies(session).header("Accept-Language", "en")
                .when().get("/dashboard/worklist?community=DCY&breached=true")
                .then().statusCode(200).extract().asString();
        assertThat(last().getString("uri")).isEqualTo("/api/complaints?community=DCY&breached=true&sort=due&limit=50");
        assertThat(worklist).contains("Breached reports", DashboardUpstreams.TRACKING_NUMBER,
                "href=\"/dashboard/reports/" + DashboardUpstreams.BREACHED_REPORT + "\"");

        String report = given().cookies(session).header("Accept-Language", "en")
                .when().get("/dashboard/reports/" + DashboardUpstreams.BREACHED_REPORT)
                .then().statusCode(200).extract().asString();
        assertThat(report).contains(DashboardUpstreams.TRACKING_NUMBER, "Resolution breached", "2026-12-03 18:00",
                "Leak in corridor &lt;b&gt;3&lt;/b&gt;").doesNotContain("<b>3</b>");
    }

    @Test
    void a_report_the_service_does_not_show_is_a_404_page() {
        Map<String, String> session = signIn(Tokens.supervisor("DCYJD"));
        given().cookies(session).when().get("/dashboard/reports/" + DashboardUpstreams.MISSING_REPORT)
                .then().statusCode(404).contentType("text/html");
    }

    @Test
    void a_service_that_is_down_leaves_the_rest_of_the_page_standing() {
        Map<String, String> session = signIn(Tokens.supervisor("DCYJD"));
        given().cookies(session).header("Accept-Language", "en")
                .when().get("/dashboard?community=XHY")
                .then().statusCode(200)
                .body(containsString("These figures are unavailable right now (answer 503)"),
                        containsString("Social life"));
    }

    @Test
    void a_resident_signed_in_sees_the_403_page_and_no_figures() {
        Map<String, String> session = signIn(Tokens.resident("DCY"));
        String before = last().encode();
        given().cookies(session).header("Accept-Language", "en")
                .when().get("/dashboard")
                .then().statusCode(403).contentType("text/html")
                .body(containsString("This page is for the street&#39;s supervisors"));
        assertThat(last().encode()).isEqualTo(before);
    }

    @Test
    void the_session_cookie_opens_no_api_route() {
        Map<String, String> session = signIn(Tokens.supervisor("DCYJD"));
        given().cookies(session).when().get("/api/complaints")
                .then().statusCode(401).contentType("application/problem+json");
        given().cookies(session).when().get("/api/escalations/board")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void parameters_the_page_cannot_use_are_problems_naming_them() {
        Map<String, String> session = signIn(Tokens.supervisor("DCYJD"));
        for (String[] bad : new String[][] {{"/dashboard?month=2026-13", "month"}, {"/dashboard?month=2999-01", "month"},
                {"/dashboard?community=dcy%3Cx", "community"}, {"/dashboard?lang=fr", "lang"},
                {"/dashboard/worklist?category=life", "category"}, {"/dashboard/worklist?breached=yes", "breached"},
                {"/dashboard/reports/not-a-uuid", "id"}}) {
            given().cookies(session).urlEncodingEnabled(false).when().get(bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void the_stylesheet_is_served_to_a_signed_in_user_only() {
        given().redirects().follow(false).when().get("/dashboard/dashboard.css").then().statusCode(302);
        Map<String, String> session = signIn(Tokens.staff("DCY"));
        given().cookies(session).when().get("/dashboard/dashboard.css")
                .then().statusCode(200).contentType("text/css").header("X-Content-Type-Options", "nosniff");
    }

    /** The code flow as a browser runs it; the token endpoint gives {@code accessToken} only for the PKCE verifier. */
    private Map<String, String> signIn(String accessToken) {
        Response challenge = given().redirects().follow(false).when().get("/dashboard");
        assertThat(challenge.statusCode()).isEqualTo(302);
        Matcher state = STATE.matcher(challenge.header("Location"));
        assertThat(state.find()).isTrue();
        String code = UUID.randomUUID().toString();
        String idToken = Tokens.builder().subject(subjectOf(accessToken)).audience("lookout-dashboard").sign();
        oidc.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).atPriority(1)
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("code_verifier="))
                .withRequestBody(containing("client_id=lookout-dashboard"))
                .willReturn(okJson(new JsonObject().put("access_token", accessToken).put("id_token", idToken)
                        .put("token_type", "Bearer").put("expires_in", 3600).encode())));
        Response callback = given().cookies(challenge.getCookies()).redirects().follow(false)
                .when().get("/dashboard/callback?code=" + code + "&state=" + state.group(1));
        assertThat(callback.statusCode()).as("the callback answers with a redirect to the page").isEqualTo(302);
        assertThat(callback.header("Location")).endsWith("/dashboard");
        Map<String, String> session = new HashMap<>(callback.getCookies());
        session.entrySet().removeIf(cookie -> cookie.getValue().isEmpty());
        assertThat(session.keySet()).anyMatch(name -> name.startsWith("q_session_dashboard"));
        return session;
    }

    private static String subjectOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return new JsonObject(payload).getString("sub");
    }

    private JsonObject last() {
        return new JsonObject(given().baseUri(services.toString()).when().get("/__last").asString());
    }
}
