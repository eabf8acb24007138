package org.lookout.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static GatewayRoute route(String name, String... paths) {
        return new GatewayRoute(name, List.of(paths), "svc", URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
                Set.of(), "default", 1024);
    }

    private final RouteTable table = RouteTable.of(List.of(
            route("complaints", "/api/complaints", "/api/ledger"),
            route("tracking", "/api/complaints/track"),
            route("attachments", "/api/complaints/*/attachments")));

    private String routeOf(String path) {
        return table.match(path).map(GatewayRoute::name).orElse("none");
    }

    @Test
    void the_most_specific_prefix_wins() {
        assertThat(routeOf("/api/complaints")).isEqualTo("complaints");
        assertThat(routeOf("/api/complaints/")).isEqualTo("complaints");
        assertThat(routeOf("/api/complaints/42")).isEqualTo("complaints");
        assertThat(routeOf("/api/complaints/track/DCY-1")).isEqualTo("tracking");
        assertThat(routeOf("/api/complaints/42/attachments")).isEqualTo("attachments");
        assertThat(routeOf("/api/complaints/42/attachments/7")).isEqualTo("attachments");
        assertThat(routeOf("/api/ledger")).isEqualTo("complaints");
    }

    @Test
    void prefixes_match_whole_segments() {
        assertThat(routeOf("/api/complaintsx")).isEqualTo("none");
        assertThat(routeOf("/api")).isEqualTo("none");
        assertThat(routeOf("/")).isEqualTo("none");
        assertThat(routeOf("/api/complaint")).isEqualTo("none");
        assertThat(routeOf("/api/complaints/42/attachmentsx")).isEqualTo("complaints");
        assertThat(routeOf("/api/complaints/42/attachments/")).isEqualTo("attachments");
        assertThat(routeOf("/api/complaints/track/")).isEqualTo("tracking");
        assertThat(routeOf("/api/complaints//attachments")).isEqualTo("complaints");
    }

    @Test
    void a_documented_template_is_covered_by_a_prefix() {
        assertThat(RouteTable.covers("/api/complaints", "/api/complaints/{id}")).isTrue();
        assertThat(RouteTable.covers("/api/complaints/*/attachments", "/api/complaints/{id}/attachments")).isTrue();
        assertThat(RouteTable.covers("/api/complaints/*/attachments", "/api/complaints/{id}")).isFalse();
        assertThat(RouteTable.covers("/api/ledger", "/api/ledgers")).isFalse();
    }

    @Test
    void a_route_overlapping_an_http_permission_is_refused() {
        table.requireNoneUnder(Map.of("dashboard", List.of("/dashboard", "/dashboard/*"), "own", List.of("/api/complaintsx")));

        assertThatThrownBy(() -> table.requireNoneUnder(Map.of("deny", List.of("/api/complaints/42/attachments"))))
                .hasMessageContaining("Route 'attachments' overlaps the paths of HTTP permission 'deny'");
        assertThatThrownBy(() -> table.requireNoneUnder(Map.of("wide", List.of("/api/*"))))
                .hasMessageContaining("overlaps the paths of HTTP permission 'wide' (/api/*)");
        assertThatThrownBy(() -> table.requireNoneUnder(Map.of("all", List.of("/*"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
