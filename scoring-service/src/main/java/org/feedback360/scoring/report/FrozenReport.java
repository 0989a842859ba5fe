package org.feedback360.scoring.report;

import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.AlignmentResult;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.scoring.engine.Withheld;
import org.feedback360.scoring.engine.WithheldReason;

import java.time.Instant;

/**
 * A subject's report of a released cycle, frozen once the subject's ratings were complete.
 *
 * @param submissions the stored ratings it was computed from (all count, also any left out of the figures)
 * @param releasedAt  when the feedback service released the cycle
 * @param frozenAt    when this service froze the report (later than release when responses lagged)
 */
public record FrozenReport(SubjectKey subject, SubjectReport report, int submissions, Instant releasedAt,
                           Instant frozenAt) {

    public Headline headline() {
        Double index = null;
        AgreementCategory category = null;
        WithheldReason withheld = null;
        if (report.alignment() instanceof AlignmentResult a) {
            index = a.index();
            category = a.category();
        } else if (report.alignment() instanceof Withheld w) {
            withheld = w.reason();
        }
        return new Headline(subject, report.followersBasis(), index, category, withheld, submissions, releasedAt, frozenAt);
    }

    /** What lists and the ReportPublished event show of a report: its alignment, never a single rating. */
    public record Headline(SubjectKey subject, FollowersBasis followersBasis, Double alignmentIndex,
                           AgreementCategory category, WithheldReason alignmentWithheld, int submissions,
                           Instant releasedAt, Instant frozenAt) {
    }
}
