package org.feedback360.scoring.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback360.scoring.cycle.InstrumentDefinition;
import org.feedback360.scoring.cycle.Person;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.db.JsonColumns;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.scoring.page.ReportContext;
import org.feedback360.scoring.page.ReportPage;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.security.Roles;

import java.sql.SQLException;

/**
 * Released reports. A subject reads their own, HR any of its tenant, the manager of a followership
 * subject that subject's (the manager's view is what it compares). Before release there is no
 * report to read (SCORING.md, anonymity rule 5): the answer is 409 with type
 * {@code report-not-released} to whoever may read the report once released, and 404 to anyone else.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@RolesAllowed({Roles.EMPLOYEE, Roles.HR_ADMIN})
public class ReportResource {

    @Inject
    ReportAccess access;
    @Inject
    ReportService service;
    @Inject
    ReportPage page;
    @Inject
    JsonColumns json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The released reports the caller may read, newest release first",
            description = "HR: every report of its tenant; anyone else: their own. Headlines only (alignment index, category); read a report through its path.")
    @APIResponse(responseCode = "200", description = "A page of report summaries")
    @APIResponse(responseCode = "400", description = "A malformed cycleId, page or size", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportSummary.Page list(
            @Parameter(description = "Only reports of this cycle (UUID)") @QueryParam("cycleId") String cycleId,
            @Parameter(description = "Page number from 0", schema = @Schema(defaultValue = "0", minimum = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(defaultValue = "50", minimum = "1", maximum = "200")) @QueryParam("size") String size)
            throws SQLException {
        return service.list(access.tenant(), ApiParams.optionalCycleId(cycleId), access.ownSubjectUnlessHr(),
                ApiParams.integer("page", page, 0, 0, 1_000_000), ApiParams.integer("size", size, 50, 1, 200));
    }

    @GET
    @Path("/{cycleId}/subjects/{subjectId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A subject's frozen report (JSON; ask for text/html for the page)",
            description = "Every figure of SCORING.md with its n; a figure that could single out a rater is withheld with a reason, never shown as zero.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A malformed cycleId or subjectId", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report the caller may read (also for another employee's or tenant's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not released yet (type report-not-released), or released and still waiting for responses submitted before the close (type report-pending)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportView report(@PathParam("cycleId") String cycleId, @PathParam("subjectId") String subjectId)
            throws SQLException {
        ReportService.Found found = find(cycleId, subjectId);
        boolean own = access.seesSubjectsOwnRatings(found.report().subject().subjectId());
        // The stored text is the full report as the API shows it: sent as it is to whoever may see all
        // of it (a read then costs no parsing and no number formatting); anyone else's view is cut from the parsed report.
        String report = own ? found.report().json() : json.write(service.parse(found).withoutSubjectsItemRatings());
        return ReportView.of(found.cycle(), found.report(), report, own);
    }

    @GET
    @Path("/{cycleId}/subjects/{subjectId}")
    // qs < 1: JSON is the default for a client that accepts anything.
    @Produces(MediaType.TEXT_HTML + ";qs=0.5")
    @Operation(summary = "A subject's frozen report as an HTML page (same rules as the JSON)")
    @APIResponse(responseCode = "200", description = "The report page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response page(@PathParam("cycleId") String cycleId, @PathParam("subjectId") String subjectId)
            throws SQLException {
        ReportService.Found found = find(cycleId, subjectId);
        String subject = found.report().subject().subjectId();
        Person person = found.cycle().subject(subject).orElse(new Person(subject, subject, null, null));
        InstrumentDefinition.Labels labels = found.cycle().definition().labels(person.locale());
        String name = person.name() == null || person.name().isBlank() ? subject : person.name();
        boolean own = access.seesSubjectsOwnRatings(subject);
        SubjectReport report = service.parse(found);
        String html = page.render(own ? report : report.withoutSubjectsItemRatings(), new ReportContext(name, found.cycle().name(),
                found.report().releasedAt(), labels.locale(), labels.dimensions(), labels.items(), labels.questions(), !own));
        // The type is set here: from @Produces the server-side "qs" weight would reach the client.
        return Response.ok(html, "text/html;charset=UTF-8").build();
    }

    private ReportService.Found find(String cycleId, String subjectId) throws SQLException {
        SubjectKey key = new SubjectKey(access.tenant(), ApiParams.cycleId(cycleId), ApiParams.subjectId(subjectId));
        return service.find(key, access.reportReader(key.subjectId()));
    }
}
