package org.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class PermissionPathsTest {

    @Test
    void everyPermissionsPathsAreReadByItsName() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValue("quarkus.http.auth.permission.dashboard.paths", "/dashboard,/dashboard/*")
                .withDefaultValue("quarkus.http.auth.permission.dashboard.policy", "authenticated")
                .withDefaultValue("quarkus.http.auth.permission.deny-admin.paths", "/admin/*")
                .withDefaultValue("quarkus.http.cors.origins", "/not-a-permission")
                .build();

        assertThat(EdgeRouter.permissionPaths(config)).isEqualTo(Map.of(
                "dashboard", List.of("/dashboard", "/dashboard/*"),
                "deny-admin", List.of("/admin/*")));
    }
}
