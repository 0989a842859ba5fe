package org.feedback360.feedback.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.List;

/** The caller's own to-do list as a rater, for mobile clients: only ever their own. */
@Path("/api/v1/me/assignments")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MyAssignmentsResource {

    @Inject
    Caller caller;

    @Inject
    AssignmentService service;

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Whom the caller is asked to rate in open cycles, soonest deadline first")
    public List<MyAssignment> mine() {
        return service.mine(caller.tenant(), caller.employeeId());
    }
}
