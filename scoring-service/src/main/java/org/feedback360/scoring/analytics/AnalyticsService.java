package org.feedback360.scoring.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.scoring.aggregate.AggregateStore;
import org.feedback360.scoring.cycle.Completion;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.CycleStore;
import org.feedback360.scoring.cycle.Person;
import org.feedback360.scoring.engine.AlignmentResult;
import org.feedback360.scoring.engine.CronbachAlpha;
import org.feedback360.scoring.engine.DimensionResult;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.InstrumentModel;
import org.feedback360.scoring.engine.RaterSubmission;
import org.feedback360.scoring.engine.Score;
import org.feedback360.scoring.rating.Rating;
import org.feedback360.scoring.rating.RatingStore;
import org.feedback360.scoring.report.FrozenReport;
import org.feedback360.scoring.report.ReportStore;
import org.feedback360.scoring.report.ReportView;
import org.feedback360.support.problem.ProblemException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** HR's cycle analytics: counts while a cycle runs, results from published figures once it is released. */
@ApplicationScoped
public class AnalyticsService {

    static final String NO_ALIGNMENT = "NO_ALIGNMENT";

    @Inject
    DataSource dataSource;
    @Inject
    CycleStore cycles;
    @Inject
    AggregateStore aggregates;
    @Inject
    ReportStore reports;
    @Inject
    RatingStore ratings;

    @Transactional
    public CycleAnalytics analytics(String tenant, UUID cycleId) throws SQLException {
        CycleId id = new CycleId(tenant, cycleId);
        try (Connection c = dataSource.getConnection()) {
            Cycle cycle = cycles.find(c, id).orElseThrow(() -> ProblemException.notFound("The cycle"));
            Map<String, Integer> received = aggregates.submissionCounts(c, id);
            List<FrozenReport> frozen = cycle.isReleased() ? reports.ofCycle(c, id) : List.of();
            CycleAnalytics.Results results = cycle.isReleased() ? results(cycle, frozen, ratings.nonSelf(c, id)) : null;
            return new CycleAnalytics(cycle.cycleId(), cycle.name(), cycle.state(),
                    new ReportView.InstrumentRef(cycle.instrumentKey(), cycle.instrumentVersion()), cycle.policy().k(),
                    new CycleAnalytics.Responses(received.values().stream().mapToLong(Integer::longValue).sum()),
                    subjects(cycle, received, frozen), completion(cycle.completion()), results);
        }
    }

    private static List<CycleAnalytics.SubjectStatus> subjects(Cycle cycle, Map<String, Integer> received,
                                                               List<FrozenReport> frozen) {
        Set<String> subjects = new LinkedHashSet<>(cycle.subjectIds());
        subjects.addAll(received.keySet());
        Set<String> frozenIds = new HashSet<>();
        frozen.forEach(r -> frozenIds.add(r.subject().subjectId()));
        List<CycleAnalytics.SubjectStatus> statuses = new ArrayList<>();
        for (String subject : subjects) {
            CycleAnalytics.ReportStatus status = !cycle.isReleased() ? CycleAnalytics.ReportStatus.NOT_RELEASED
                    : frozenIds.contains(subject) ? CycleAnalytics.ReportStatus.FROZEN : CycleAnalytics.ReportStatus.PENDING;
            statuses.add(new CycleAnalytics.SubjectStatus(subject, name(cycle, subject), received.getOrDefault(subject, 0), status));
        }
        return statuses;
    }

    private static CycleAnalytics.Completion completion(Completion completion) {
        if (completion == null) {
            return null;
        }
        List<CycleAnalytics.SubjectCompletion> bySubject = new ArrayList<>();
        completion.bySubject().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> bySubject.add(
                new CycleAnalytics.SubjectCompletion(e.getKey(), e.getValue().assignments(), e.getValue().submitted(),
                        rate(e.getValue().submitted(), e.getValue().assignments()))));
        return new CycleAnalytics.Completion(completion.assignments(), completion.submitted(),
                rate(completion.submitted(), completion.assignments()), bySubject);
    }

    private static Double rate(long submitted, long assignments) {
        return assignments == 0 ? null : (double) submitted / assignments;
    }

    private static CycleAnalytics.Results results(Cycle cycle, List<FrozenReport> frozen, List<Rating> nonSelf) {
        InstrumentModel instrument = cycle.definition().model();
        List<String> dimensions = instrument.dimensions().stream().map(d -> d.id()).toList();
        List<CycleAnalytics.HeatmapRow> heatmap = new ArrayList<>();
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (var category : org.feedback360.scoring.engine.AgreementCategory.values()) {
            categories.put(category.name(), 0);
        }
        categories.put(NO_ALIGNMENT, 0);
        for (FrozenReport report : frozen) {
            String subject = report.subject().subjectId();
            Map<String, CycleAnalytics.Cell> cells = new LinkedHashMap<>();
            for (DimensionResult d : report.report().dimensions()) {
                cells.put(d.dimension(), new CycleAnalytics.Cell(d.followers(), d.gap()));
            }
            heatmap.add(new CycleAnalytics.HeatmapRow(subject, name(cycle, subject), report.report().followersBasis(), cells));
            String category = report.report().alignment() instanceof AlignmentResult a ? a.category().name() : NO_ALIGNMENT;
            categories.merge(category, 1, Integer::sum);
        }
        List<RaterSubmission> cases = nonSelf.stream().map(Rating::submission)
                .filter(s -> instrument.violation(s) == null).toList();
        return new CycleAnalytics.Results(frozen.size(), dimensions, heatmap, categories,
                percentiles(frozen, dimensions), CronbachAlpha.perDimension(instrument, cases));
    }

    /**
     * Percentile ranks within the cycle among the subjects of the same followers' basis: a view of
     * the direct reports, one of everyone else and one of a manager are different measures, and
     * ranking them in one list would compare them as if they were one.
     */
    static CycleAnalytics.Percentiles percentiles(List<FrozenReport> frozen, List<String> dimensions) {
        Map<FollowersBasis, List<FrozenReport>> byBasis = new EnumMap<>(FollowersBasis.class);
        frozen.forEach(r -> byBasis.computeIfAbsent(r.report().followersBasis(), b -> new ArrayList<>()).add(r));
        Map<FollowersBasis, PercentileRank> alignment = new EnumMap<>(FollowersBasis.class);
        Map<FollowersBasis, Map<String, PercentileRank>> followers = new EnumMap<>(FollowersBasis.class);
        byBasis.forEach((basis, reports) -> {
            alignment.put(basis, new PercentileRank(reports.stream()
                    .filter(r -> r.report().alignment() instanceof AlignmentResult)
                    .mapToDouble(r -> ((AlignmentResult) r.report().alignment()).index()).toArray()));
            Map<String, PercentileRank> perDimension = new LinkedHashMap<>();
            for (String dimension : dimensions) {
                perDimension.put(dimension, new PercentileRank(reports.stream()
                        .map(r -> r.report().dimension(dimension).followers())
                        .filter(f -> f instanceof Score).mapToDouble(f -> ((Score) f).mean()).toArray()));
            }
            followers.put(basis, perDimension);
        });
        List<CycleAnalytics.SubjectPercentiles> subjects = new ArrayList<>();
        for (FrozenReport report : frozen) {
            FollowersBasis basis = report.report().followersBasis();
            CycleAnalytics.Ranked ai = report.report().alignment() instanceof AlignmentResult a
                    ? alignment.get(basis).ranked(a.index()) : null;
            Map<String, CycleAnalytics.Ranked> ranks = new LinkedHashMap<>();
            for (String dimension : dimensions) {
                if (report.report().dimension(dimension).followers() instanceof Score f) {
                    ranks.put(dimension, followers.get(basis).get(dimension).ranked(f.mean()));
                }
            }
            subjects.add(new CycleAnalytics.SubjectPercentiles(report.subject().subjectId(), basis, ai, ranks));
        }
        return new CycleAnalytics.Percentiles(PercentileRank.DEFINITION, subjects);
    }

    private static String name(Cycle cycle, String subjectId) {
        return cycle.subject(subjectId).map(Person::name).orElse(subjectId);
    }
}
