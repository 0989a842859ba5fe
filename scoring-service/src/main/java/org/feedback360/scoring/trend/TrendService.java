package org.feedback360.scoring.trend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.CycleStore;
import org.feedback360.scoring.cycle.InstrumentDefinition;
import org.feedback360.scoring.cycle.Person;
import org.feedback360.scoring.engine.DimensionResult;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.report.FrozenReport;
import org.feedback360.scoring.report.ReportStore;
import org.feedback360.scoring.report.ReportView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A subject's trend, from their frozen reports only. */
@ApplicationScoped
public class TrendService {

    @Inject
    DataSource dataSource;
    @Inject
    CycleStore cycles;
    @Inject
    ReportStore reports;

    /** @param instrumentKey null for every instrument */
    @Transactional
    public Trend trend(String tenant, String subjectId, String instrumentKey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<FrozenReport> frozen = reports.ofSubject(c, tenant, subjectId);
            Map<CycleId, Cycle> known = cycles.find(c, frozen.stream().map(r -> r.subject().cycle()).distinct().toList());
            List<Trend.Point> points = new ArrayList<>();
            for (FrozenReport report : frozen) {
                Cycle cycle = known.get(report.subject().cycle());
                if (cycle == null || instrumentKey != null && !instrumentKey.equals(cycle.instrumentKey())) {
                    continue;
                }
                points.add(point(cycle, report));
            }
            return new Trend(subjectId, points);
        }
    }

    private static Trend.Point point(Cycle cycle, FrozenReport report) {
        String locale = cycle.subject(report.subject().subjectId()).map(Person::locale).orElse(null);
        InstrumentDefinition.Labels labels = cycle.definition().labels(locale);
        List<Trend.DimensionPoint> dimensions = new ArrayList<>();
        for (DimensionResult d : report.report().dimensions()) {
            dimensions.add(new Trend.DimensionPoint(d.dimension(), labels.dimensions().getOrDefault(d.dimension(), d.dimension()),
                    d.groups().get(RaterGroup.SELF), d.followers(), d.gap()));
        }
        FrozenReport.Headline h = report.headline();
        return new Trend.Point(cycle.cycleId(), cycle.name(), report.releasedAt(),
                new ReportView.InstrumentRef(cycle.instrumentKey(), cycle.instrumentVersion()), h.followersBasis(),
                h.alignmentIndex(), h.category(), h.alignmentWithheld(), dimensions);
    }
}
