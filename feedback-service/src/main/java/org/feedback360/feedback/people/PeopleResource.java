package org.feedback360.feedback.people;

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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.support.problem.ProblemException;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's people directory. HR and HR-portal integrations write it; HR (and the
 * integrations that keep it in sync) read all of it; an employee reads only themselves.
 */
@Path("/api/v1/people")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    static final String CSV = "text/csv";

    @Inject
    Caller caller;

    @Inject
    PeopleService service;

    @Context
    UriInfo uri;

    @PUT
    @Path("/{employeeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Create or update one person (201 when created, 200 when updated)")
    public Response upsert(@PathParam("employeeId") String employeeId, @Valid @NotNull PersonRequest request) {
        if (!employeeId.matches(PersonRequest.EMPLOYEE_ID) || employeeId.length() > 64) {
            throw ProblemException.badRequest("invalid-employee-id",
                    "Employee id " + PersonRequest.EMPLOYEE_ID_MESSAGE + " and has at most 64 characters");
        }
        PeopleService.Upserted result = service.upsert(caller.tenant(), employeeId, request);
        return result.created()
                ? Response.created(uri.getAbsolutePath()).entity(result.person()).build()
                : Response.ok(result.person()).build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Bulk upsert from a JSON array; all rows or none, with a per-row error report")
    public ImportResult importJson(@NotNull List<PersonImportRow> rows) {
        List<PeopleService.IncomingRow> incoming = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PersonImportRow row = rows.get(i);
            if (row == null) {
                throw ProblemException.badRequest("unreadable-body", "Row " + (i + 1) + " is null");
            }
            incoming.add(new PeopleService.IncomingRow(i + 1, null, row, List.of()));
        }
        return service.importRows(caller.tenant(), incoming);
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed({Roles.HR_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Bulk upsert from CSV with header employeeId,name,email,locale,managerEmployeeId,active")
    public ImportResult importCsv(String body) {
        return service.importRows(caller.tenant(), PeopleCsv.read(body == null ? "" : body));
    }

    @GET
    @Path("/{employeeId}")
    @RolesAllowed({Roles.HR_ADMIN, Roles.INTEGRATION, Roles.EMPLOYEE})
    @Operation(summary = "One person; employees may read only themselves")
    public PersonResponse get(@PathParam("employeeId") String employeeId) {
        String tenant = caller.tenant();
        if (!caller.hasRole(Roles.HR_ADMIN) && !caller.hasRole(Roles.INTEGRATION)
                && !employeeId.equals(caller.employeeId())) {
            throw ProblemException.forbidden("Employees may read only their own directory entry");
        }
        return service.get(tenant, employeeId);
    }

    @GET
    @RolesAllowed({Roles.HR_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "People of the tenant by employee id, optionally only the direct reports of one manager")
    public PeopleService.PersonPage list(@QueryParam("managerId") String managerId,
                                         @QueryParam("active") Boolean active,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(caller.tenant(), managerId, active, page, size);
    }

    @POST
    @Path("/{employeeId}/deactivate")
    @RolesAllowed({Roles.HR_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Mark a person as having left: kept in the chart, disabled in the identity provider")
    public PersonResponse deactivate(@PathParam("employeeId") String employeeId) {
        return service.deactivate(caller.tenant(), employeeId);
    }
}
