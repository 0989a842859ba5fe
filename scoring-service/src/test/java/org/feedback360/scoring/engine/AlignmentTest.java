package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.AgreementCategory.IN_AGREEMENT_GOOD;
import static org.feedback360.scoring.engine.AgreementCategory.IN_AGREEMENT_POOR;
import static org.feedback360.scoring.engine.AgreementCategory.OVER_ESTIMATOR;
import static org.feedback360.scoring.engine.AgreementCategory.UNDER_ESTIMATOR;
import static org.feedback360.scoring.engine.Fixtures.WORKED_INSTRUMENT;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.feedback360.scoring.engine.RaterGroup.DIRECT_REPORT;
import static org.feedback360.scoring.engine.RaterGroup.MANAGER;
import static org.feedback360.scoring.engine.RaterGroup.PEER;
import static org.feedback360.scoring.engine.RaterGroup.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    static final ScoringPolicy POLICY = ScoringPolicy.DEFAULT; // δ 0.5, good 3.5

    @Test
    void categoryBoundaries() {
        assertEquals(OVER_ESTIMATOR, Alignment.category(4.01, 3.5, POLICY));
        assertEquals(IN_AGREEMENT_GOOD, Alignment.category(4.0, 3.5, POLICY), "S̄ − F̄ = δ is in agreement");
        assertEquals(IN_AGREEMENT_GOOD, Alignment.category(3.0, 3.5, POLICY), "S̄ − F̄ = −δ is in agreement");
        assertEquals(UNDER_ESTIMATOR, Alignment.category(2.99, 3.5, POLICY));
        assertEquals(IN_AGREEMENT_GOOD, Alignment.category(3.5, 3.5, POLICY), "F̄ = 3.5 is good");
        assertEquals(IN_AGREEMENT_POOR, Alignment.category(3.49, 3.49, POLICY));
        assertEquals(IN_AGREEMENT_POOR, Alignment.category(1.0, 1.0, POLICY));
    }

    @Test
    void aDifferenceOfExactlyDeltaOnPaperIsInAgreementDespiteBinaryRounding() {
        assertTrue(4.4 - 3.9 > 0.5, "premise: the double difference is a hair above 0.5");
        assertEquals(IN_AGREEMENT_GOOD, Alignment.category(4.4, 3.9, POLICY));
        assertEquals(IN_AGREEMENT_POOR, Alignment.category(2.2, 1.7, POLICY));
    }

    @Test
    void configuredThresholdsApply() {
        ScoringPolicy strict = new ScoringPolicy(3, false, 0.25, 4.0, 1.0);
        assertEquals(OVER_ESTIMATOR, Alignment.category(4.0, 3.7, strict));
        assertEquals(IN_AGREEMENT_POOR, Alignment.category(3.9, 3.9, strict));
        assertEquals(IN_AGREEMENT_GOOD, Alignment.category(4.0, 4.0, strict));
    }

    @Test
    void alignmentIndexRunsFromZeroToOne() {
        assertEquals(1.0, Alignment.alignmentIndex(0, 3, 5), 1e-12);
        assertEquals(0.0, Alignment.alignmentIndex(3 * 4.0, 3, 5), 1e-12);
        assertEquals(0.5434, Alignment.alignmentIndex(1.7778 + 1.875, 2, 5), 1e-4);
    }

    @Test
    void throughTheCalculator_underEstimatorAndHiddenStrengths() {
        List<RaterSubmission> submissions = List.of(
                rater("self", SELF, 2, 2, 4, 2, 3),
                rater("dr1", DIRECT_REPORT, 4, 4, 2, 4, 4),
                rater("dr2", DIRECT_REPORT, 5, 4, 2, 4, 4),
                rater("dr3", DIRECT_REPORT, 4, 5, 1, 4, 4));
        SubjectReport report = new ReportCalculator(WORKED_INSTRUMENT, POLICY).calculate("s", submissions);
        AlignmentResult alignment = assertInstanceOf(AlignmentResult.class, report.alignment());
        assertEquals(UNDER_ESTIMATOR, alignment.category());
        assertTrue(report.blindSpots().isEmpty());
        // Others − self: t1 4.333 − 2 = 2.333, t2 2.333, t3 2.333, c1 2.0, c2 1.0; ties keep instrument order.
        assertEquals(List.of("t1", "t2", "t3", "c1", "c2"),
                report.hiddenStrengths().stream().map(ItemGap::item).toList());
        assertEquals(1.0, report.hiddenStrengths().get(4).gap(), 1e-12, "a gap of exactly the threshold counts");
    }

    @Test
    void followersUnpublished_fallsBackToOthers_andSaysSo() {
        List<RaterSubmission> submissions = List.of(
                rater("self", SELF, 4, 4, 2, 4, 4),
                rater("manager", MANAGER, 4, 4, 2, 4, 4),
                rater("dr1", DIRECT_REPORT, 1, 1, 5, 1, 1),
                rater("peer1", PEER, 4, 4, 2, 4, 4),
                rater("peer2", PEER, 4, 4, 2, 4, 4),
                rater("peer3", PEER, 4, 4, 2, 4, 4));
        SubjectReport report = new ReportCalculator(WORKED_INSTRUMENT, POLICY).calculate("s", submissions);
        assertEquals(FollowersBasis.OTHERS, report.followersBasis());
        AlignmentResult alignment = assertInstanceOf(AlignmentResult.class, report.alignment());
        assertEquals(FollowersBasis.OTHERS, alignment.basis());
        assertEquals(1.0, alignment.index(), 1e-12, "the lone follower's 1s are nowhere");
        assertEquals(IN_AGREEMENT_GOOD, alignment.category());
        for (DimensionResult d : report.dimensions()) {
            assertEquals(d.others(), d.followers());
            assertEquals(0.0, d.gap(), 1e-12);
        }
    }
}
