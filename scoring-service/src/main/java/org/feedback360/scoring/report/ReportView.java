package org.feedback360.scoring.report;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.InstrumentDefinition;
import org.feedback360.scoring.cycle.Person;
import org.feedback360.scoring.engine.SubjectReport;

import java.time.Instant;
import java.util.UUID;

/** A frozen report as the API shows it: the engine's report plus what it is about and its labels. */
@Schema(name = "Report", description = "A subject's frozen report of a released cycle")
public record ReportView(UUID cycleId, String cycleName, InstrumentRef instrument, SubjectRef subject,
                         Instant releasedAt,
                         @Schema(description = "Dimension names, item texts and open questions in the subject's locale")
                         InstrumentDefinition.Labels labels,
                         @Schema(implementation = SubjectReport.class,
                                 description = "Every figure of SCORING.md; a withheld figure has published=false and a reason, never a number")
                         @JsonRawValue String report,
                         @Schema(description = "Whether the subject's own item ratings, comments, blind spots and hidden strengths are "
                                 + "included: for the subject and HR; a followership subject's manager sees the subject's dimension "
                                 + "scores only (item figures withheld as SUBJECT_ONLY)")
                         boolean subjectItemsShown) {

    public record InstrumentRef(String key, int version) {
    }

    public record SubjectRef(String employeeId, String name) {
    }

    /** @param report the frozen report as this reader may see it, serialised: it is sent as it is */
    static ReportView of(Cycle cycle, ReportStore.Text frozen, String report, boolean subjectItemsShown) {
        String subjectId = frozen.subject().subjectId();
        Person person = cycle.subject(subjectId).orElse(new Person(subjectId, subjectId, null, null));
        return new ReportView(cycle.cycleId(), cycle.name(), new InstrumentRef(cycle.instrumentKey(), cycle.instrumentVersion()),
                new SubjectRef(subjectId, person.name()), frozen.releasedAt(), cycle.definition().labels(person.locale()),
                report, subjectItemsShown);
    }
}
