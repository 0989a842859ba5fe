package org.feedback360.feedback.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.Set;
import java.util.TreeSet;

@Path("/api/v1/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    /** Who the platform takes the caller to be: lets a client check its token end to end. */
    public record Identity(String tenant, String employeeId, String username, Set<String> roles) {
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.HR_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The caller's identity as the platform sees it")
    public Identity me() {
        return new Identity(caller.tenant(), caller.employeeId(),
                jwt.getClaim("preferred_username"), new TreeSet<>(jwt.getGroups()));
    }
}
