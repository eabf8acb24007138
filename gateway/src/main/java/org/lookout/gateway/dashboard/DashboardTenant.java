package org.lookout.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.gateway.edge.RequestPaths;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Which OIDC tenant checks a request, by its normal path only: {@code /dashboard} and below the dashboard's (code flow,
 * session cookie), everything else the API's (bearer tokens only). Without it quarkus-oidc would also pick the
 * dashboard's tenant for any path whose request carries its session cookie, and a cookie would open the API (CSRF).
 */
@ApplicationScoped
public class DashboardTenant implements TenantResolver {

    static final String TENANT = "dashboard";
    /** quarkus-oidc's id of the tenant configured without a name ({@code quarkus.oidc.*}). */
    static final String API_TENANT = "Default";

    @Override
    public String resolve(RoutingContext ctx) {
        return isDashboard(RequestPaths.of(ctx)) ? TENANT : API_TENANT;
    }

    static boolean isDashboard(String normalPath) {
        return normalPath.equals(DashboardLinks.BASE) || normalPath.startsWith(DashboardLinks.BASE + "/");
    }
}
