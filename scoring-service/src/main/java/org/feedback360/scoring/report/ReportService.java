package org.feedback360.scoring.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.CycleStore;
import org.feedback360.scoring.cycle.Person;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads frozen reports. Nothing here sees an aggregate: before release there is nothing to read. */
@ApplicationScoped
public class ReportService {

    @Inject
    DataSource dataSource;
    @Inject
    CycleStore cycles;
    @Inject
    ReportStore reports;

    /** A report, still as stored, with its cycle: for the JSON view and the HTML page. */
    public record Found(Cycle cycle, ReportStore.Text report) {
    }

    /**
     * @param mayRead whether the caller may read this subject's report in the cycle
     * @throws ProblemException 404 when the cycle or the subject is unknown in the tenant, or not the
     *                          caller's to read; 409 when the
     *                          cycle is not released, or released but the subject's report still waits
     *                          for responses submitted before the close
     */
    // No transaction: two reads, each with its own snapshot either way (a report is frozen once and
    // never changes); without one, a read costs no begin and commit (about a tenth of its CPU).
    public Found find(SubjectKey subject, Predicate<Cycle> mayRead) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Cycle cycle = cycles.findCurrent(c, subject.cycle())
                    .filter(found -> found.subjectIds().contains(subject.subjectId()))
                    .filter(mayRead)
                    .orElseThrow(ReportAccess::notFound);
            return reports.findText(c, subject).map(report -> new Found(cycle, report)).orElseThrow(() -> notReady(cycle));
        }
    }

    /** The report of what {@link #find} found, parsed. */
    public SubjectReport parse(Found found) {
        return reports.parse(found.report());
    }

    private static ProblemException notReady(Cycle cycle) {
        if (!cycle.isReleased()) {
            return new ProblemException(Problem.of(409, "report-not-released", "Conflict",
                    "Reports exist only after the cycle is released; it is " + cycle.state()));
        }
        return new ProblemException(Problem.of(409, "report-pending", "Conflict",
                "The cycle is released; this report is frozen as soon as every response submitted before the close has arrived"));
    }

    /**
     * A page of released reports, newest release first.
     *
     * @param cycleId   null for every cycle
     * @param subjectId null for every subject (HR), else the caller's own
     */
    @Transactional
    public ReportSummary.Page list(String tenant, UUID cycleId, String subjectId, int page, int size)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<FrozenReport.Headline> headlines = reports.headlines(c, tenant, cycleId, subjectId, page * size, size);
            long total = reports.count(c, tenant, cycleId, subjectId);
            Map<CycleId, Cycle> known = cycles.find(c, headlines.stream().map(h -> h.subject().cycle()).distinct().toList());
            List<ReportSummary> items = headlines.stream().map(h -> summary(known.get(h.subject().cycle()), h)).toList();
            return new ReportSummary.Page(items, page, size, total);
        }
    }

    private static ReportSummary summary(Cycle cycle, FrozenReport.Headline h) {
        String subjectId = h.subject().subjectId();
        String subjectName = cycle == null ? subjectId
                : cycle.subject(subjectId).map(Person::name).orElse(subjectId);
        return new ReportSummary(h.subject().cycleId(), cycle == null ? "" : cycle.name(), subjectId, subjectName,
                h.releasedAt(), h.followersBasis(), h.alignmentIndex(), h.category(), h.alignmentWithheld(),
                ReportPublished.path(h.subject().cycleId(), subjectId));
    }
}
