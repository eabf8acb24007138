package org.lookout.testsupport;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lookout.security.Caller;
import org.lookout.security.CurrentCaller;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The smallest secured service: tells the caller what Quarkus OIDC made of their token. */
@Path("/whoami")
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({ "resident", "lookout", "staff", "supervisor", "inspector", "agency", "admin" })
    public Map<String, Object> whoAmI() {
        return Map.of(
                "subject", token.getSubject(),
                "roles", new TreeSet<>(identity.getRoles()),
                "community", Optional.ofNullable(token.<String> getClaim("community")).orElse(""),
                "street", Optional.ofNullable(token.<String> getClaim("street")).orElse(""),
                "agency", Optional.ofNullable(token.<String> getClaim("agency")).orElse(""));
    }

    /** What the security library's request-scoped {@link CurrentCaller} reads from the same token. */
    @GET
    @Path("/caller")
    @RolesAllowed({ "resident", "lookout", "staff", "supervisor", "inspector", "agency", "admin" })
    public Map<String, Object> caller() {
        Caller current = caller.get();
        return Map.of(
                "subject", current.subject(),
                "actingRole", current.actingRole().orElse(""),
                "community", current.community().orElse(""),
                "streets", new TreeSet<>(current.streets()),
                "agency", current.agency().orElse(""),
                "attributes", new TreeSet<>(current.attributes()));
    }

    /** A header of the request the identity says it was authenticated on (it must be this request). */
    @GET
    @Path("/request")
    @RolesAllowed({ "resident", "lookout", "staff", "supervisor", "inspector", "agency", "admin" })
    public String request() {
        RoutingContext request = identity.getAttribute(RoutingContext.class.getName());
        return request == null ? "" : request.request().getHeader("X-Probe");
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "taxonomy editor";
    }
}
