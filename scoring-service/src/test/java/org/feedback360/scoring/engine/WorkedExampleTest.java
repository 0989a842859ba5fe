package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.Fixtures.mean;
import static org.feedback360.scoring.engine.Fixtures.n;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.feedback360.scoring.engine.RaterGroup.DIRECT_REPORT;
import static org.feedback360.scoring.engine.RaterGroup.MANAGER;
import static org.feedback360.scoring.engine.RaterGroup.PEER;
import static org.feedback360.scoring.engine.RaterGroup.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every number of the worked example in SCORING.md (k = 3), and what the published report makes of
 * it. The example lists item figures beside dimension figures of raters who skipped items, which
 * give those raters' answers away (PartialAnswers): the numbers are reproduced from the engine's
 * raw statistics, which only this package can ask for; the published report withholds them.
 */
class WorkedExampleTest {

    static final double EPS = 1e-4;

    static final List<RaterSubmission> SUBMISSIONS = List.of(
            rater("self", SELF, 5, 5, 1, 4, 5),
            rater("manager", MANAGER, 4, 3, 2, 3, 4),
            rater("dr1", DIRECT_REPORT, 3, 4, 3, 2, 3),
            rater("dr2", DIRECT_REPORT, 4, 4, 2, 3, null),
            rater("dr3", DIRECT_REPORT, 2, 3, 4, 2, 2),
            rater("dr4", DIRECT_REPORT, 3, null, null, 3, 3),
            rater("peer1", PEER, 4, 4, 2, 4, 4),
            rater("peer2", PEER, 5, 4, 1, 4, 5));

    static final ReportCalculator CALCULATOR = new ReportCalculator(Fixtures.WORKED_INSTRUMENT, ScoringPolicy.DEFAULT);

    /** SCORING.md's numbers: the raw statistics, item figures beside partial answers included. */
    final SubjectReport report = CALCULATOR.withoutPartialAnswersRule().calculate("leader-1", SUBMISSIONS);
    final SubjectReport published = CALCULATOR.calculate("leader-1", SUBMISSIONS);

    @Test
    void trust() {
        DimensionResult trust = report.dimension("TRUST");
        assertEquals(5.0, mean(trust.groups().get(SELF)), EPS);
        assertEquals(3.6667, mean(trust.groups().get(MANAGER)), EPS);
        assertEquals(1, n(trust.groups().get(MANAGER)));
        Score followers = assertInstanceOf(Score.class, trust.groups().get(DIRECT_REPORT));
        assertEquals(3.2222, followers.mean(), EPS);
        assertEquals(3, followers.n(), "direct report 4 answered 1 of 3 TRUST items and is left out");
        assertEquals(0.8389, followers.sd(), EPS);
        assertEquals(followers, trust.followers());
        assertEquals(3.3333, mean(trust.others()), EPS);
        assertEquals(4, n(trust.others()));
        assertEquals(1.7778, trust.gap(), EPS);
        Rwg rwg = assertInstanceOf(Rwg.class, trust.consensus());
        assertEquals(0.8571, rwg.value(), EPS);
        assertEquals(ConsensusLabel.STRONG, rwg.label());
    }

    @Test
    void communication() {
        DimensionResult communication = report.dimension("COMMUNICATION");
        assertEquals(4.5, mean(communication.groups().get(SELF)), EPS);
        assertEquals(3.5, mean(communication.groups().get(MANAGER)), EPS);
        Score followers = assertInstanceOf(Score.class, communication.groups().get(DIRECT_REPORT));
        assertEquals(2.625, followers.mean(), EPS);
        assertEquals(4, followers.n());
        assertEquals(0.4787, followers.sd(), EPS);
        assertEquals(2.8, mean(communication.others()), EPS);
        assertEquals(5, n(communication.others()));
        assertEquals(1.875, communication.gap(), EPS);
        Rwg rwg = assertInstanceOf(Rwg.class, communication.consensus());
        assertEquals(0.9091, rwg.value(), EPS);
        assertEquals(ConsensusLabel.VERY_STRONG, rwg.label());
    }

    @Test
    void alignment() {
        assertEquals(FollowersBasis.DIRECT_REPORT, report.followersBasis());
        AlignmentResult alignment = assertInstanceOf(AlignmentResult.class, report.alignment());
        assertEquals(FollowersBasis.DIRECT_REPORT, alignment.basis());
        assertEquals(0.5434, alignment.index(), EPS);
        assertEquals(4.75, alignment.selfMean(), EPS);
        assertEquals(2.9236, alignment.followersMean(), EPS);
        assertEquals(AgreementCategory.OVER_ESTIMATOR, alignment.category());
        assertEquals(List.of("TRUST", "COMMUNICATION"), alignment.dimensions());
    }

    @Test
    void itemsOthers() {
        assertItemOthers("t1", 3.2, 5);
        assertItemOthers("t2", 3.5, 4);
        assertItemOthers("t3", 3.25, 4);
        assertItemOthers("c1", 2.6, 5);
        assertItemOthers("c2", 3.0, 4);
        assertTrue(report.item("t3").reverseScored());
        assertEquals(5.0, mean(report.item("t3").groups().get(SELF)), EPS, "self answered 1 on a reversed item");
    }

    private void assertItemOthers(String item, double mean, int n) {
        Figure others = report.item(item).others();
        assertEquals(mean, mean(others), EPS, item);
        assertEquals(n, n(others), item);
    }

    @Test
    void blindSpotsInOrderAndNoHiddenStrengths() {
        List<ItemGap> blindSpots = report.blindSpots();
        assertEquals(List.of("c2", "t1", "t3", "t2", "c1"), blindSpots.stream().map(ItemGap::item).toList());
        double[] gaps = {2.0, 1.8, 1.75, 1.5, 1.4};
        for (int i = 0; i < gaps.length; i++) {
            assertEquals(gaps[i], blindSpots.get(i).gap(), EPS, blindSpots.get(i).item());
        }
        assertTrue(report.hiddenStrengths().isEmpty());
    }

    @Test
    void theItemFiguresThatWouldRevealSkippedAnswersAreWithheld() {
        // TRUST: others 3.3333 (n 4) and t1 3.2 (5), t2 3.5 (4), t3 3.25 (4) give away direct report 4's t1.
        double t1Sum = 3.2 * 5, t2Sum = 3.5 * 4, t3Sum = 3.25 * 4;
        assertEquals(3.0, 3 * ((t1Sum + t2Sum + t3Sum) / 3 - 3.3333333333 * 4), EPS, "direct report 4's t1, by subtraction");
        // COMMUNICATION: others 2.8 (n 5) and c1 2.6 (5), c2 3.0 (4) give away direct report 2's c1.
        assertEquals(3.0, -2 * ((2.6 * 5 + 3.0 * 4) / 2 - 2.8 * 5), EPS, "direct report 2's c1, by subtraction");

        for (ItemResult item : published.items()) {
            assertEquals(WithheldReason.PARTIAL_ANSWERS, Fixtures.reason(item.others()), item.item());
            assertEquals(WithheldReason.PARTIAL_ANSWERS, Fixtures.reason(item.groups().get(DIRECT_REPORT)), item.item());
            assertEquals(report.item(item.item()).groups().get(SELF), item.groups().get(SELF), "the subject's own");
            assertEquals(report.item(item.item()).groups().get(MANAGER), item.groups().get(MANAGER), "named, n = 1");
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, Fixtures.reason(item.groups().get(PEER)));
        }
        assertTrue(published.blindSpots().isEmpty(), "blind spots come from published item figures only");
        assertTrue(published.hiddenStrengths().isEmpty());
        assertEquals(report.dimensions(), published.dimensions(), "every dimension figure stays");
        assertEquals(report.alignment(), published.alignment());
        assertEquals(report.comments(), published.comments());
    }

    @Test
    void withoutPartialAnswersThePublishedReportIsTheRawOne() {
        List<RaterSubmission> complete = List.of(SUBMISSIONS.get(0), SUBMISSIONS.get(1), SUBMISSIONS.get(2),
                rater("dr2", DIRECT_REPORT, 4, 4, 2, 3, 3), SUBMISSIONS.get(4), rater("dr4", DIRECT_REPORT, 3, 3, 3, 3, 3));
        assertEquals(CALCULATOR.withoutPartialAnswersRule().calculate("leader-1", complete),
                CALCULATOR.calculate("leader-1", complete));
    }

    @Test
    void peersAppearNowhere() {
        assertFalse(report.othersIncludesPooledGroups());
        assertEquals(List.of(SELF, MANAGER, DIRECT_REPORT), report.publishedGroups());
        for (DimensionResult d : report.dimensions()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, Fixtures.reason(d.groups().get(PEER)));
        }
        for (ItemResult item : report.items()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, Fixtures.reason(item.groups().get(PEER)));
        }
        // Recomputing without the peers gives the very same report, raw and published.
        List<RaterSubmission> withoutPeers = SUBMISSIONS.stream().filter(s -> s.group() != PEER).toList();
        assertEquals(CALCULATOR.withoutPartialAnswersRule().calculate("leader-1", withoutPeers), report);
        assertEquals(CALCULATOR.calculate("leader-1", withoutPeers), published);
    }

    @Test
    void managerHasNoSd() {
        assertNull(((Score) report.dimension("TRUST").groups().get(MANAGER)).sd());
    }
}
