package org.feedback360.scoring.trend;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.scoring.report.ApiParams;
import org.feedback360.scoring.report.ReportAccess;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.security.Roles;

import java.sql.SQLException;

/** A subject's trend across released cycles: the subject's own, or any subject's for HR. */
@Path("/api/v1/trends")
@Tag(name = "Trends")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EMPLOYEE, Roles.HR_ADMIN})
public class TrendResource {

    @Inject
    ReportAccess access;
    @Inject
    TrendService service;

    @GET
    @Path("/subjects/{subjectId}")
    @Operation(summary = "A subject's alignment across released cycles, in release order",
            description = "Per released cycle: alignment index, category, basis, and per dimension the self score and the followers' view. "
                    + "Cycles not released yet do not appear. An empty list when the subject has no released report.")
    @APIResponse(responseCode = "200", description = "The trend",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class)))
    @APIResponse(responseCode = "400", description = "A malformed subjectId or instrument", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Another employee's trend (unless the caller is HR)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Trend subject(@Parameter(description = "The subject's employee id") @PathParam("subjectId") String subjectId,
                         @Parameter(description = "Only cycles of this instrument, e.g. leader-follower") @QueryParam("instrument") String instrument)
            throws SQLException {
        String subject = ApiParams.subjectId(subjectId);
        String instrumentKey = ApiParams.optionalInstrumentKey(instrument);
        access.requireReadable(subject);
        return service.trend(access.tenant(), subject, instrumentKey);
    }
}
