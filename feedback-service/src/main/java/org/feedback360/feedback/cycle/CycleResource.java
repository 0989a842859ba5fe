package org.feedback360.feedback.cycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedback360.feedback.assignment.CycleProgress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.UUID;

/** Review cycles, run by HR: define a draft, then open, close and release it. */
@Path("/api/v1/cycles")
@Tag(name = "Cycles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HR_ADMIN)
public class CycleResource {

    @Inject
    Caller caller;

    @Inject
    CycleService service;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a cycle in DRAFT")
    public Response create(@Valid @NotNull CycleRequest request) {
        String tenant = caller.tenant();
        CycleResponse created = service.create(tenant, service.ownerFor(tenant, caller.employeeId(), jwt), request);
        return Response.created(UriBuilder.fromResource(CycleResource.class).path("{id}").build(created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redefine a DRAFT cycle (409 once it has opened)")
    public CycleResponse update(@PathParam("id") UUID id, @Valid @NotNull CycleRequest request) {
        return service.update(caller.tenant(), id, request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One cycle, with the commands its state accepts")
    public CycleResponse get(@PathParam("id") UUID id) {
        return service.get(caller.tenant(), id);
    }

    @GET
    @Operation(summary = "The tenant's cycles, newest first")
    public CycleResponse.Page list(@QueryParam("state") CycleState state,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(caller.tenant(), state, page, size);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "Assignments and submissions per subject and rater group: counts only, never answers")
    public CycleProgress progress(@PathParam("id") UUID id) {
        return service.progress(caller.tenant(), id);
    }

    @POST
    @Path("/{id}/open")
    @Operation(summary = "DRAFT → OPEN: needs subjects and a window that has not closed")
    public CycleResponse open(@PathParam("id") UUID id) {
        return service.command(caller.tenant(), id, CycleCommand.OPEN);
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "OPEN → CLOSED: no more answers")
    public CycleResponse close(@PathParam("id") UUID id) {
        return service.command(caller.tenant(), id, CycleCommand.CLOSE);
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "CLOSED → RELEASED: reports go to their subjects")
    public CycleResponse release(@PathParam("id") UUID id) {
        return service.command(caller.tenant(), id, CycleCommand.RELEASE);
    }
}
