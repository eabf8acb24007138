package org.lookout.notification.subscription;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AGENCY, Roles.APP_BACKEND, Roles.ADMIN })
@Tag(name = "webhook subscriptions")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final CurrentCaller caller;

    SubscriptionResource(SubscriptionService subscriptions, CurrentCaller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribes an https endpoint to the caller's notifications; answers the secret once",
            description = "Agencies get their escalations, the app backend every notification of residents and lookouts;"
                    + " admin subscribes for an agency. Deliveries are signed by Standard Webhooks 1.0.")
    public Uni<RestResponse<SubscriptionView>> create(@Valid @NotNull CreateSubscriptionRequest body) {
        return subscriptions.create(caller.get(), body).map(created -> RestResponse.ResponseBuilder
                .<SubscriptionView> created(URI.create("/api/subscriptions/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(summary = "The caller's subscriptions (admin: all)")
    public Uni<List<SubscriptionView>> all() {
        return subscriptions.visibleTo(caller.get()).map(found -> found.stream().map(SubscriptionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's subscriptions; 404 for anyone else's")
    public Uni<SubscriptionView> one(@PathParam("id") UUID id) {
        return subscriptions.one(id, caller.get()).map(SubscriptionView::of);
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotates the secret: answers the new one once; the old one signs too for a day")
    public Uni<SubscriptionView> rotate(@PathParam("id") UUID id) {
        return subscriptions.rotate(id, caller.get());
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pauses deliveries: they wait until it is resumed")
    public Uni<SubscriptionView> pause(@PathParam("id") UUID id) {
        return subscriptions.pause(id, caller.get()).map(SubscriptionView::of);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resumes a paused or disabled subscription")
    public Uni<SubscriptionView> resume(@PathParam("id") UUID id) {
        return subscriptions.resume(id, caller.get()).map(SubscriptionView::of);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Every delivery of the subscription, newest first, with each attempt's outcome, status and latency")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return subscriptions.deliveries(id, caller.get(), limit);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Sends a dead delivery again; 409 unless it is dead")
    public Uni<RestResponse<Void>> replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return subscriptions.replay(id, deliveryId, caller.get()).map(ignored -> RestResponse.accepted());
    }
}
