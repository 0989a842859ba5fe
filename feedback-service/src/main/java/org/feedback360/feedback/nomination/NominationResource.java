package org.feedback360.feedback.nomination;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.List;
import java.util.UUID;

/** Peer nominations of an open cycle: the subject proposes, their manager decides. */
@Path("/api/v1/cycles/{cycleId}/nominations")
@Tag(name = "Nominations")
@Produces(MediaType.APPLICATION_JSON)
public class NominationResource {

    @Inject
    Caller caller;

    @Inject
    NominationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "As a subject of the cycle, nominate a colleague to rate you as a peer")
    public Response nominate(@PathParam("cycleId") UUID cycleId, @Valid @NotNull NominationRequest request) {
        NominationView created = service.nominate(caller.tenant(), caller.employeeId(), cycleId, request);
        return Response.created(UriBuilder.fromResource(NominationResource.class).path("{id}")
                .build(cycleId, created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.HR_ADMIN})
    @Operation(summary = "Nominations the caller may see: their own, those they decide as manager, or all (HR)")
    public List<NominationView> list(@PathParam("cycleId") UUID cycleId) {
        return service.list(caller.tenant(), caller.employeeId(), caller.hasRole(Roles.HR_ADMIN), cycleId);
    }

    @POST
    @Path("/{nominationId}/approve")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "As the subject's manager, approve: the peer gets a PEER assignment")
    public NominationView approve(@PathParam("cycleId") UUID cycleId, @PathParam("nominationId") UUID nominationId) {
        return service.approve(caller.tenant(), caller.employeeId(), cycleId, nominationId);
    }

    @POST
    @Path("/{nominationId}/reject")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "As the subject's manager, reject the nomination")
    public NominationView reject(@PathParam("cycleId") UUID cycleId, @PathParam("nominationId") UUID nominationId) {
        return service.reject(caller.tenant(), caller.employeeId(), cycleId, nominationId);
    }
}
