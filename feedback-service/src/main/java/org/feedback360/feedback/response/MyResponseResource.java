package org.feedback360.feedback.response;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.UUID;

/**
 * The caller's own answers to one of their assignments. Another rater's assignment is
 * "not found", whoever asks: nobody reads anyone else's answers (SCORING.md rule 7).
 */
@Path("/api/v1/me/assignments/{assignmentId}/response")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EMPLOYEE)
public class MyResponseResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    Caller caller;

    @Inject
    ResponseService service;

    @GET
    @Operation(summary = "The caller's draft and latest submission for the assignment")
    public ResponseView get(@PathParam("assignmentId") UUID assignmentId) {
        return service.get(caller.tenant(), caller.employeeId(), assignmentId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a draft (any number of times while the cycle is open); checked like a submission")
    public ResponseView saveDraft(@PathParam("assignmentId") UUID assignmentId, @NotNull ResponseRequest request) {
        return service.saveDraft(caller.tenant(), caller.employeeId(), assignmentId, request);
    }

    @POST
    @Path("/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit or revise the answers. Needs an Idempotency-Key: a retry with the same key and body "
            + "answers the first result again; the same key with another body is refused (422)")
    public Response submit(@PathParam("assignmentId") UUID assignmentId,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @NotNull ResponseRequest request) {
        ResponseService.Outcome outcome = service.submit(caller.tenant(), caller.employeeId(), assignmentId,
                idempotencyKey, request);
        return Response.status(outcome.status()).entity(outcome.submission())
                .header("Idempotency-Replayed", outcome.replayed()).build();
    }
}
