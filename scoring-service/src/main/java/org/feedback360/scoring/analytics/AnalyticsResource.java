package org.feedback360.scoring.analytics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.scoring.report.ApiParams;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.sql.SQLException;

/** HR's cycle analytics. */
@Path("/api/v1/analytics")
@Tag(name = "Analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HR_ADMIN)
public class AnalyticsResource {

    @Inject
    Caller caller;
    @Inject
    AnalyticsService service;

    @GET
    @Path("/cycles/{cycleId}")
    @Operation(summary = "A cycle's analytics: response counts while it runs, results once released",
            description = "While the cycle runs: response counts per subject, nothing else (no score, not even an aggregate). "
                    + "Once closed: response rates. Once released: a heatmap of subjects × dimensions of published figures, "
                    + "agreement category counts, percentile ranks within the cycle and Cronbach's alpha per dimension.")
    @APIResponse(responseCode = "200", description = "The analytics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleAnalytics.class)))
    @APIResponse(responseCode = "400", description = "A malformed cycleId", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cycle in the caller's tenant", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CycleAnalytics cycle(@Parameter(description = "The cycle (UUID)") @PathParam("cycleId") String cycleId)
            throws SQLException {
        return service.analytics(caller.tenant(), ApiParams.cycleId(cycleId));
    }
}
