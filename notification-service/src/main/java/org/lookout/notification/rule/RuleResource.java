package org.lookout.notification.rule;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/notifications/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notification rules")
public class RuleResource {

    private final RuleService rules;
    private final CurrentCaller caller;

    RuleResource(RuleService rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who is told what: the rule table (admin)")
    public Uni<List<RuleView>> all() {
        return rules.all().map(found -> found.stream().map(RuleView::of).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replaces the rule table (admin); every change audited")
    public Uni<List<RuleView>> replace(@NotNull @NotEmpty List<@Valid @NotNull SaveRuleRequest> body) {
        return rules.replace(body, caller.subject()).map(found -> found.stream().map(RuleView::of).toList());
    }
}
