package org.feedback360.scoring.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.SubjectSummary;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Freezes a subject's report once their cycle is released and every submission the feedback
 * service counted about them has arrived: the responses topic may lag behind the cycles topic,
 * so a report frozen at CycleReleased could miss the last responses. A report is frozen once and
 * announced with ReportPublished in the same transaction.
 */
@ApplicationScoped
public class ReportFreezer {

    private static final Logger LOG = Logger.getLogger(ReportFreezer.class);

    @Inject
    ReportStore reports;
    @Inject
    ReportPublisher publisher;

    private final Counter frozenCount;
    private final Counter afterFreeze;

    @Inject
    ReportFreezer(MeterRegistry registry) {
        frozenCount = Counter.builder("scoring.reports.frozen").description("Reports frozen and announced")
                .register(registry);
        afterFreeze = Counter.builder("scoring.responses.after.freeze")
                .description("Responses that would change a report already frozen (stored, not in the report until a rebuild)")
                .register(registry);
    }

    /**
     * Whether the subject's report may be frozen: the cycle is released and every submission the
     * feedback service counted is stored, and (where the completion carries it) in its latest revision.
     */
    public static boolean isReady(Cycle cycle, String subjectId, int submissions, long revisions) {
        return cycle.isReleased() && cycle.subjectIds().contains(subjectId)
                && submissions >= cycle.expectedSubmissions(subjectId)
                && revisions >= cycle.expectedRevisions(subjectId);
    }

    /** Which of the subjects already have a frozen report. */
    public java.util.Set<SubjectKey> frozen(Connection c, Collection<SubjectKey> subjects) throws SQLException {
        return reports.digests(c, subjects).keySet();
    }

    /** Freezes the reports and announces each with ReportPublished, in the caller's transaction. */
    public void freeze(Connection c, Map<CycleId, Cycle> cycles, List<FrozenReport> frozen) throws SQLException {
        if (frozen.isEmpty()) {
            return;
        }
        reports.insert(c, frozen.stream().map(reports::row).toList());
        for (FrozenReport report : frozen) {
            publisher.publish(cycles.get(report.subject().cycle()), report);
        }
        frozenCount.increment(frozen.size());
    }

    /**
     * New responses reached a subject whose report is frozen. Only a revision that the completion
     * counts could not announce changes its figures (see Completion.Counts): stored, counted and
     * logged; the published report stays until an operator's rebuild.
     */
    public void arrivedAfterFreeze(Connection c, SubjectKey subject, SubjectSummary now, int events) throws SQLException {
        if (reports.findText(c, subject).map(reports::parse).filter(report -> report.summary().equals(now)).isEmpty()) {
            afterFreeze.increment(events);
            LOG.warnf("A revised response about %s arrived after its report was frozen: stored, the report stays as "
                    + "published until an operator rebuilds it", subject);
        }
    }
}
