package org.feedback360.scoring.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.Dimension;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.InstrumentModel;
import org.feedback360.scoring.engine.Item;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.engine.RaterSubmission;
import org.feedback360.scoring.engine.ReportCalculator;
import org.feedback360.scoring.engine.ScoringPolicy;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.scoring.report.FrozenReport;
import org.junit.jupiter.api.Test;

/** Percentile ranks compare subjects whose followers' view has the same basis, never across bases. */
class PercentilesTest {

    static final InstrumentModel INSTRUMENT = InstrumentModel.of(Dimension.of("TRUST", Item.of("t1"), Item.of("t2")));
    static final UUID CYCLE = UUID.randomUUID();

    @Test
    void eachBasisIsRankedOnItsOwn() {
        // Two subjects rated by three direct reports (F = 2 and 4), two by everyone else because only two
        // direct reports answered (F = 3 and 5). In one list 3 would rank at 37.5; among its own basis it is lowest.
        List<FrozenReport> reports = List.of(
                report("dr-low", followers(RaterGroup.DIRECT_REPORT, 3, 2)),
                report("dr-high", followers(RaterGroup.DIRECT_REPORT, 3, 4)),
                report("others-low", followers(RaterGroup.PEER, 3, 3)),
                report("others-high", followers(RaterGroup.PEER, 3, 5)));
        assertEquals(List.of(FollowersBasis.DIRECT_REPORT, FollowersBasis.DIRECT_REPORT, FollowersBasis.OTHERS,
                FollowersBasis.OTHERS), reports.stream().map(r -> r.report().followersBasis()).toList());

        CycleAnalytics.Percentiles percentiles = AnalyticsService.percentiles(reports, List.of("TRUST"));
        Map<String, CycleAnalytics.SubjectPercentiles> bySubject = new HashMap<>();
        percentiles.subjects().forEach(s -> bySubject.put(s.subjectId(), s));
        assertEquals(25.0, bySubject.get("dr-low").followers().get("TRUST").percentile(), 1e-9);
        assertEquals(75.0, bySubject.get("dr-high").followers().get("TRUST").percentile(), 1e-9);
        assertEquals(25.0, bySubject.get("others-low").followers().get("TRUST").percentile(), 1e-9);
        assertEquals(75.0, bySubject.get("others-high").followers().get("TRUST").percentile(), 1e-9);
        assertEquals(2, bySubject.get("others-low").followers().get("TRUST").among());
        assertEquals(FollowersBasis.OTHERS, bySubject.get("others-low").basis());
        // The self-ratings are all 4: the alignment indices rank within each basis too.
        assertEquals(2, bySubject.get("dr-low").alignmentIndex().among());
    }

    /**
     * A self rating 4 on both items, plus raters who all answer {@code value}: direct reports give
     * the DIRECT_REPORT basis when there are k of them; otherwise two direct reports (withheld) and
     * {@code count} raters of the other group make OTHERS the basis.
     */
    static List<RaterSubmission> followers(RaterGroup group, int count, int value) {
        List<RaterSubmission> submissions = new ArrayList<>();
        submissions.add(new RaterSubmission("self", RaterGroup.SELF, Map.of("t1", 4, "t2", 4)));
        for (int i = 0; i < count; i++) {
            submissions.add(new RaterSubmission(group + "-" + i, group, Map.of("t1", value, "t2", value)));
        }
        if (group != RaterGroup.DIRECT_REPORT) {
            for (int i = 0; i < 2; i++) {
                submissions.add(new RaterSubmission("dr-" + i, RaterGroup.DIRECT_REPORT, Map.of("t1", value, "t2", value)));
            }
        }
        return submissions;
    }

    static FrozenReport report(String subject, List<RaterSubmission> submissions) {
        SubjectReport report = new ReportCalculator(INSTRUMENT, ScoringPolicy.DEFAULT).calculate(subject, submissions);
        Instant now = Instant.parse("2026-11-18T09:00:00Z");
        return new FrozenReport(new SubjectKey("acme", CYCLE, subject), report, submissions.size(), now, now);
    }
}
