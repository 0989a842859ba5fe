package org.feedback360.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions of HR portals, their delivery logs and redelivery. The tenant comes from
 * the token only; another tenant's subscription answers 404.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATION, Roles.HR_ADMIN})
public class WebhookResource {

    @Inject
    Caller caller;
    @Inject
    WebhookService service;

    @GET
    @Path("/event-types")
    @Operation(summary = "The event types a subscription can ask for")
    public List<String> eventTypes() {
        return EventType.wireNames();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to events; the answer shows the signing secret, this once")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        SubscriptionView.Created created = service.create(caller.tenant(), request);
        return Response.created(UriBuilder.fromResource(WebhookResource.class).path("{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "The tenant's subscriptions, oldest first")
    public SubscriptionView.Page list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(caller.tenant(), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription (never its secret)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.get(caller.tenant(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the URL, event types or description, pause (PAUSED) or resume (ACTIVE)")
    public SubscriptionView update(@PathParam("id") UUID id, @Valid @NotNull SubscriptionChange change) {
        return service.update(caller.tenant(), id, change);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Replace the signing secret (shown this once); the old one still signs for the overlap period")
    public SubscriptionView.Rotated rotateSecret(@PathParam("id") UUID id) {
        return service.rotateSecret(caller.tenant(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete the subscription, its queued deliveries and its delivery log")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(caller.tenant(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery log, newest first: attempts, last status code and latency, next attempt, final state")
    public DeliveryView.Page deliveries(@PathParam("id") UUID id,
                                        @QueryParam("status") @Pattern(regexp = "PENDING|SENDING|DELIVERED|DEAD_LETTERED",
                                                message = "must be PENDING, SENDING, DELIVERED or DEAD_LETTERED")
                                        String status,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.deliveries(caller.tenant(), id, status, page, size);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with every attempt and the event it sends")
    public DeliveryView.Detail delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return service.delivery(caller.tenant(), id, deliveryId);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again (same webhook-id, fresh retry window and backoff); "
            + "409 while it is in flight or the subscription is not ACTIVE")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(service.redeliver(caller.tenant(), id, deliveryId)).build();
    }
}
