package org.feedback360.scoring.report;

import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.Person;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.WithheldReason;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of ReportPublished on {@code scoring.reports}, exactly as
 * contract/report-published.schema.json defines it: a summary, never a single rating.
 */
public record ReportPublished(UUID cycleId, String cycleName, Subject subject, Instant publishedAt, String reportPath,
                              Double alignmentIndex, AgreementCategory category, FollowersBasis followersBasis,
                              WithheldReason alignmentWithheld) {

    public static final String TOPIC = "scoring.reports";
    public static final String TYPE = "ReportPublished";

    public record Subject(String employeeId, String name, String email, String locale) {
    }

    static ReportPublished of(Cycle cycle, FrozenReport report) {
        String subjectId = report.subject().subjectId();
        Person person = cycle.subject(subjectId).orElse(new Person(subjectId, "", "", ""));
        FrozenReport.Headline h = report.headline();
        return new ReportPublished(cycle.cycleId(), cycle.name(),
                new Subject(subjectId, nonNull(person.name()), nonNull(person.email()), nonNull(person.locale())),
                report.frozenAt(), path(cycle.cycleId(), subjectId), h.alignmentIndex(), h.category(),
                h.followersBasis(), h.alignmentWithheld());
    }

    /** The API path of the full report, relative to the gateway. */
    public static String path(UUID cycleId, String subjectId) {
        return "/api/v1/reports/" + cycleId + "/subjects/" + subjectId;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
