package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.Fixtures.WORKED_INSTRUMENT;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    static final ReportCalculator CALCULATOR = new ReportCalculator(WORKED_INSTRUMENT, ScoringPolicy.DEFAULT);

    @Test
    void kBelowTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScoringPolicy.DEFAULT.withK(1));
    }

    @Test
    void duplicateRaterKeysAreRefused_revisionsMustBeAppliedFirst() {
        RaterSubmission first = rater("r", RaterGroup.PEER, 1, 1, 1, 1, 1);
        RaterSubmission revision = rater("r", RaterGroup.PEER, 5, 5, 5, 5, 5);
        assertThrows(IllegalArgumentException.class, () -> CALCULATOR.calculate("s", List.of(first, revision)));
        SubmissionSet set = SubmissionSet.empty().with(first).with(revision);
        assertEquals(List.of(revision), set.submissions());
    }

    @Test
    void answersOutsideTheScaleAndUnknownItemsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CALCULATOR.calculate("s", List.of(rater("r", RaterGroup.PEER, 6, 1, 1, 1, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> CALCULATOR.calculate("s", List.of(rater("r", RaterGroup.PEER, 0, 1, 1, 1, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> CALCULATOR.calculate("s", List.of(new RaterSubmission("r", RaterGroup.PEER, Map.of("zz", 3)))));
    }

    @Test
    void aSecondSelfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CALCULATOR.calculate("s", List.of(
                rater("a", RaterGroup.SELF, 1, 1, 1, 1, 1), rater("b", RaterGroup.SELF, 1, 1, 1, 1, 1))));
    }

    @Test
    void raterScoreNeedsHalfTheItemsRoundedUp() {
        Dimension trust = WORKED_INSTRUMENT.dimensions().get(0);
        assertEquals(2, trust.minimumAnswered());
        assertEquals(1, WORKED_INSTRUMENT.dimensions().get(1).minimumAnswered());
        assertEquals(true, RaterScores.dimension(WORKED_INSTRUMENT, trust,
                rater("r", RaterGroup.PEER, 4, null, null)).isEmpty());
        assertEquals(4.5, RaterScores.dimension(WORKED_INSTRUMENT, trust,
                rater("r", RaterGroup.PEER, 4, null, 1)).getAsDouble(), 1e-12, "t3 reversed: 1 counts 5");
    }
}
