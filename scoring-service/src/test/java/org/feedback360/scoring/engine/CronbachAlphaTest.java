package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CronbachAlphaTest {

    static final String[] ITEMS = {"x", "y"};
    static final int[] X = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};
    static final int[] Y = {2, 2, 3, 3, 4, 1, 3, 4, 5, 5};

    static List<RaterSubmission> cases(int count, boolean reverseY) {
        List<RaterSubmission> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RaterGroup group = i % 2 == 0 ? RaterGroup.DIRECT_REPORT : RaterGroup.PEER;
            cases.add(rater("r" + i, group, ITEMS, X[i], reverseY ? 6 - Y[i] : Y[i]));
        }
        return cases;
    }

    static InstrumentModel instrument(boolean reverseY) {
        return InstrumentModel.of(Dimension.of("D", Item.of("x"), reverseY ? Item.reversed("y") : Item.of("y")));
    }

    /**
     * By hand: var(x) = 20/9, var(y) = 26/15, total x + y = 3, 4, 6, 7, 9, 2, 5, 7, 9, 10 with
     * var = 328/45; α = 2 × (1 − (20/9 + 26/15) / (328/45)) = 2 × (1 − 178/328) = 75/82 = 0.91463.
     */
    @Test
    void matchesTheHandComputedValue() {
        List<RaterSubmission> cases = new ArrayList<>(cases(10, false));
        // Neither self nor an incomplete case counts.
        cases.add(rater("self", RaterGroup.SELF, ITEMS, 5, 1));
        cases.add(rater("partial", RaterGroup.PEER, ITEMS, 5, null));
        Alpha alpha = assertInstanceOf(Alpha.class, CronbachAlpha.forDimension(instrument(false),
                instrument(false).dimensions().get(0), cases));
        assertEquals(75.0 / 82.0, alpha.value(), 1e-12);
        assertEquals(10, alpha.cases());
    }

    @Test
    void reversedItemsCountAsScored() {
        Map<String, AlphaOutcome> alpha = CronbachAlpha.perDimension(instrument(true), cases(10, true));
        assertEquals(75.0 / 82.0, assertInstanceOf(Alpha.class, alpha.get("D")).value(), 1e-12);
    }

    @Test
    void independentOfOrder() {
        List<RaterSubmission> cases = new ArrayList<>(cases(10, false));
        AlphaOutcome expected = CronbachAlpha.perDimension(instrument(false), cases).get("D");
        Collections.shuffle(cases, new Random(1));
        assertEquals(expected, CronbachAlpha.perDimension(instrument(false), cases).get("D"));
    }

    @Test
    void absentWithAReasonBelowTenCompleteCases() {
        List<RaterSubmission> nine = new ArrayList<>(cases(9, false));
        nine.add(rater("partial", RaterGroup.PEER, ITEMS, 3, null));
        nine.add(rater("self", RaterGroup.SELF, ITEMS, 3, 3));
        assertEquals(WithheldReason.TOO_FEW_COMPLETE_CASES,
                Fixtures.reason(CronbachAlpha.perDimension(instrument(false), nine).get("D")));
    }

    @Test
    void undefinedForASingleItemDimension() {
        InstrumentModel single = InstrumentModel.of(Dimension.of("D", Item.of("x")));
        assertEquals(WithheldReason.UNDEFINED,
                Fixtures.reason(CronbachAlpha.perDimension(single, cases(10, false)).get("D")));
    }
}
