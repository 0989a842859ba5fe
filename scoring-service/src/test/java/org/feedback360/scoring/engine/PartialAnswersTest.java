package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.Fixtures.mean;
import static org.feedback360.scoring.engine.Fixtures.n;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.feedback360.scoring.engine.Fixtures.reason;
import static org.feedback360.scoring.engine.RaterGroup.DIRECT_REPORT;
import static org.feedback360.scoring.engine.RaterGroup.MANAGER;
import static org.feedback360.scoring.engine.RaterGroup.OTHER;
import static org.feedback360.scoring.engine.RaterGroup.PEER;
import static org.feedback360.scoring.engine.RaterGroup.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Item figures beside the dimension figure of raters who skipped items: cases that leak without the rule. */
class PartialAnswersTest {

    static final String[] ITEMS = {"a", "b", "c", "d"};
    static final InstrumentModel FOUR_ITEMS = InstrumentModel.of(
            Dimension.of("TRUST", Item.of("a"), Item.of("b"), Item.of("c"), Item.of("d")));
    static final ReportCalculator CALCULATOR = new ReportCalculator(FOUR_ITEMS, ScoringPolicy.DEFAULT);

    @Test
    void raterWhoSkippedDifferentlyFromOthers_isSingledOutEvenAmongKWhoSkipped() {
        // Nobody answered d; three answered a, b, c; dr4 only a and b. Four raters skipped, k = 3: counting
        // them is not enough. Weights 1/3 on a, b, c cancel the three, and dr4's answers remain.
        List<RaterSubmission> raters = List.of(rater("self", SELF, ITEMS, 4, 4, 4, 4),
                rater("dr1", DIRECT_REPORT, ITEMS, 4, 3, 2, null), rater("dr2", DIRECT_REPORT, ITEMS, 5, 4, 4, null),
                rater("dr3", DIRECT_REPORT, ITEMS, 2, 3, 3, null), rater("dr4", DIRECT_REPORT, ITEMS, 1, 2, null, null));
        SubjectReport raw = CALCULATOR.withoutPartialAnswersRule().calculate("x", raters);
        double sums = sum(raw, "a") + sum(raw, "b") + sum(raw, "c");
        Score trust = (Score) raw.dimension("TRUST").groups().get(DIRECT_REPORT);
        assertEquals(1 + 2, 6 * (trust.mean() * trust.n() - sums / 3), 1e-9, "dr4's a + b, by subtraction");

        SubjectReport published = CALCULATOR.calculate("x", raters);
        for (String item : List.of("a", "b", "c")) {
            assertEquals(WithheldReason.PARTIAL_ANSWERS, reason(published.item(item).groups().get(DIRECT_REPORT)), item);
            assertEquals(WithheldReason.PARTIAL_ANSWERS, reason(published.item(item).others()), item);
        }
        assertEquals(trust, published.dimension("TRUST").groups().get(DIRECT_REPORT), "the dimension stays");
    }

    @Test
    void atLeastKCompleteAndKPartial_showsTheItems() {
        // Any combination now involves all 3 who answered everything or all 3 who skipped.
        List<RaterSubmission> raters = List.of(
                rater("dr1", DIRECT_REPORT, ITEMS, 4, 3, 2, 4), rater("dr2", DIRECT_REPORT, ITEMS, 5, 4, 4, 4),
                rater("dr3", DIRECT_REPORT, ITEMS, 2, 3, 3, 3), rater("dr4", DIRECT_REPORT, ITEMS, 1, 2, null, null),
                rater("dr5", DIRECT_REPORT, ITEMS, 1, 2, 3, null), rater("dr6", DIRECT_REPORT, ITEMS, 1, null, null, null));
        SubjectReport published = CALCULATOR.calculate("x", raters);
        assertEquals(CALCULATOR.withoutPartialAnswersRule().calculate("x", raters), published);
        assertEquals(6, n(published.item("a").groups().get(DIRECT_REPORT)));
    }

    @Test
    void aGroupShownInFull_andThePoolBesideItInOthers() {
        // The direct reports answered everything: their items stay. OTHERS minus them and the named
        // manager is the pool, where peer2 alone skipped c: OTHERS' items would give peer2 away.
        List<RaterSubmission> raters = List.of(rater("manager", MANAGER, ITEMS, 3, 3, 3, 3),
                rater("dr1", DIRECT_REPORT, ITEMS, 4, 3, 2, 4), rater("dr2", DIRECT_REPORT, ITEMS, 5, 4, 4, 4),
                rater("dr3", DIRECT_REPORT, ITEMS, 2, 3, 3, 3),
                rater("peer1", PEER, ITEMS, 4, 4, 4, 4), rater("peer2", PEER, ITEMS, 1, 1, null, 1),
                rater("other1", OTHER, ITEMS, 3, 3, 3, 3));
        SubjectReport published = CALCULATOR.calculate("x", raters);
        assertEquals(3, n(published.item("a").groups().get(DIRECT_REPORT)));
        assertEquals(3.0, mean(published.item("a").groups().get(MANAGER)), 1e-12);
        for (String item : List.of("a", "b", "d")) {
            assertEquals(WithheldReason.PARTIAL_ANSWERS, reason(published.item(item).others()), item);
        }
        assertEquals(WithheldReason.COMPLEMENTARY_DISCLOSURE, reason(published.item("c").others()), "2 pooled answers");
        assertInstanceOf(Score.class, published.dimension("TRUST").others());
    }

    private static double sum(SubjectReport report, String item) {
        Score s = (Score) report.item(item).groups().get(DIRECT_REPORT);
        return s.mean() * s.n();
    }
}
