package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.ConsensusLabel.LACK_OF_AGREEMENT;
import static org.feedback360.scoring.engine.ConsensusLabel.MODERATE;
import static org.feedback360.scoring.engine.ConsensusLabel.STRONG;
import static org.feedback360.scoring.engine.ConsensusLabel.VERY_STRONG;
import static org.feedback360.scoring.engine.ConsensusLabel.WEAK;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.feedback360.scoring.engine.RaterGroup.DIRECT_REPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

    static final InstrumentModel INSTRUMENT = Fixtures.WORKED_INSTRUMENT;
    static final Dimension TRUST = INSTRUMENT.dimensions().get(0);

    @Test
    void zeroWhenMeanVarianceReachesTheNullVariance() {
        assertEquals(0.0, Consensus.rwg(3, 2.0, 2.0));
        assertEquals(0.0, Consensus.rwg(3, 2.7, 2.0));
        // Answers 1, 5, 1, 5 on every item: variance 16/3 > 2.
        List<RaterSubmission> split = List.of(
                rater("a", DIRECT_REPORT, 1, 1, 1), rater("b", DIRECT_REPORT, 5, 5, 5),
                rater("c", DIRECT_REPORT, 1, 1, 1), rater("d", DIRECT_REPORT, 5, 5, 5));
        Rwg rwg = assertInstanceOf(Rwg.class, Consensus.rwg(INSTRUMENT, TRUST, split, 2));
        assertEquals(0.0, rwg.value());
        assertEquals(16.0 / 3, rwg.meanVariance(), 1e-12);
        assertEquals(LACK_OF_AGREEMENT, rwg.label());
    }

    @Test
    void oneWhenEveryoneAgrees() {
        List<RaterSubmission> same = List.of(
                rater("a", DIRECT_REPORT, 4, 4, 2), rater("b", DIRECT_REPORT, 4, 4, 2), rater("c", DIRECT_REPORT, 4, 4, 2));
        Rwg rwg = assertInstanceOf(Rwg.class, Consensus.rwg(INSTRUMENT, TRUST, same, 3));
        assertEquals(1.0, rwg.value());
        assertEquals(3, rwg.items());
        assertEquals(VERY_STRONG, rwg.label());
    }

    @Test
    void onlyItemsWithTheMinimumOfAnswersCount() {
        List<RaterSubmission> raters = List.of(
                rater("a", DIRECT_REPORT, 4, 2, null), rater("b", DIRECT_REPORT, 2, null, null));
        Rwg rwg = assertInstanceOf(Rwg.class, Consensus.rwg(INSTRUMENT, TRUST, raters, 2));
        assertEquals(1, rwg.items());
        assertEquals(2.0, rwg.meanVariance(), 1e-12);
        assertEquals(WithheldReason.NO_ITEM_WITH_ENOUGH_ANSWERS, Fixtures.reason(
                Consensus.rwg(INSTRUMENT, TRUST, List.of(rater("a", DIRECT_REPORT, 4, 4, 2)), 2)));
    }

    @Test
    void theReportCountsOnlyItemsWithAtLeastKAnswers() {
        // k = 3, four followers: t1 has 4 answers, t2 only 2 (1 and 5: a variance of 8 if it counted), t3 3.
        List<RaterSubmission> raters = List.of(
                rater("s", RaterGroup.SELF, 4, 4, 2, 4, 4),
                rater("a", DIRECT_REPORT, 4, 1, 2, 3, 3), rater("b", DIRECT_REPORT, 4, 5, 2, 3, 3),
                rater("c", DIRECT_REPORT, 4, null, 2, 3, 3), rater("d", DIRECT_REPORT, 4, null, null, 3, 3));
        ConsensusOutcome trust = new ReportCalculator(INSTRUMENT, ScoringPolicy.DEFAULT).calculate("x", raters)
                .dimension("TRUST").consensus();
        Rwg rwg = assertInstanceOf(Rwg.class, trust);
        assertEquals(2, rwg.items(), "t2 with 2 < k answers feeds no published figure");
        assertEquals(1.0, rwg.value(), 1e-12, "everyone agrees on t1 and t3");
        assertEquals(3, Consensus.rwg(INSTRUMENT, TRUST, raters.subList(1, 5), 2) instanceof Rwg r ? r.items() : -1,
                "with two answers enough, t2 would count");
    }

    @Test
    void labelsAtTheBoundaries() {
        assertEquals(LACK_OF_AGREEMENT, Consensus.label(0.0));
        assertEquals(LACK_OF_AGREEMENT, Consensus.label(0.30));
        assertEquals(LACK_OF_AGREEMENT, Consensus.label(0.3049));
        assertEquals(WEAK, Consensus.label(0.305), "shown as .31");
        assertEquals(WEAK, Consensus.label(0.31));
        assertEquals(WEAK, Consensus.label(0.50));
        assertEquals(MODERATE, Consensus.label(0.51));
        assertEquals(MODERATE, Consensus.label(0.70));
        assertEquals(STRONG, Consensus.label(0.71));
        assertEquals(STRONG, Consensus.label(0.90));
        assertEquals(VERY_STRONG, Consensus.label(0.91));
        assertEquals(VERY_STRONG, Consensus.label(1.0));
    }
}
