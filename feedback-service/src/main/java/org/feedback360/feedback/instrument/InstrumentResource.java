package org.feedback360.feedback.instrument;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * Instruments: the built-in ones and the tenant's own. Everyone in the tenant may read
 * them (raters answer them); only HR creates or changes them.
 */
@Path("/api/v1/instruments")
@Tag(name = "Instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    @Inject
    Caller caller;

    @Inject
    InstrumentService service;

    @GET
    @RolesAllowed({Roles.HR_ADMIN, Roles.EMPLOYEE, Roles.INTEGRATION})
    @Operation(summary = "Built-in instruments and the tenant's own, every version")
    public List<InstrumentResponse.Summary> list() {
        return service.list(caller.tenant());
    }

    @GET
    @Path("/{key}/versions/{version}")
    @RolesAllowed({Roles.HR_ADMIN, Roles.EMPLOYEE, Roles.INTEGRATION})
    @Operation(summary = "One instrument version with all its dimensions, items and texts")
    public InstrumentResponse get(@PathParam("key") String key, @PathParam("version") int version) {
        return service.get(caller.tenant(), key, version);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Create the tenant's own instrument, or the next version of one")
    public Response create(@Valid @NotNull InstrumentDefinition definition) {
        InstrumentResponse created = service.create(caller.tenant(), definition);
        return Response.created(UriBuilder.fromResource(InstrumentResource.class)
                        .path("{key}/versions/{version}").build(created.key(), created.version()))
                .entity(created).build();
    }

    @PUT
    @Path("/{key}/versions/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Correct a version no cycle uses yet (409 once a cycle uses it, and for built-ins)")
    public InstrumentResponse replace(@PathParam("key") String key, @PathParam("version") int version,
                                      @Valid @NotNull InstrumentDefinition definition) {
        return service.replace(caller.tenant(), key, version, definition);
    }
}
