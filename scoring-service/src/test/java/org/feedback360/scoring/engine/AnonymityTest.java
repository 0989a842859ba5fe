package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.Fixtures.WORKED_INSTRUMENT;
import static org.feedback360.scoring.engine.Fixtures.mean;
import static org.feedback360.scoring.engine.Fixtures.n;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.feedback360.scoring.engine.Fixtures.reason;
import static org.feedback360.scoring.engine.Fixtures.withComment;
import static org.feedback360.scoring.engine.RaterGroup.DIRECT_REPORT;
import static org.feedback360.scoring.engine.RaterGroup.MANAGER;
import static org.feedback360.scoring.engine.RaterGroup.OTHER;
import static org.feedback360.scoring.engine.RaterGroup.PEER;
import static org.feedback360.scoring.engine.RaterGroup.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One test per anonymity rule, each built so that the report would leak if the rule were missing:
 * the small group's ratings are extreme (1s or 5s) so that any trace of them moves a figure.
 */
class AnonymityTest {

    static final ReportCalculator CALCULATOR = new ReportCalculator(WORKED_INSTRUMENT, ScoringPolicy.DEFAULT);

    static SubjectReport report(List<RaterSubmission> submissions) {
        return CALCULATOR.calculate("leader-1", submissions);
    }

    static List<RaterSubmission> plus(List<RaterSubmission> base, RaterSubmission... more) {
        List<RaterSubmission> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static final List<RaterSubmission> CORE = List.of(
            rater("self", SELF, 4, 4, 2, 4, 4),
            rater("manager", MANAGER, 3, 3, 3, 3, 3),
            rater("dr1", DIRECT_REPORT, 3, 4, 3, 3, 4),
            rater("dr2", DIRECT_REPORT, 4, 3, 2, 4, 3),
            rater("dr3", DIRECT_REPORT, 3, 3, 3, 3, 3));

    @Test
    void rule1_groupBelowK_appearsInNoFigureIncludingOthers() {
        SubjectReport without = report(CORE);
        SubjectReport with = report(plus(CORE,
                rater("peer1", PEER, 1, 1, 5, 1, 1),
                rater("peer2", PEER, 1, 1, 5, 1, 1)));

        assertFalse(with.publishedGroups().contains(PEER));
        assertFalse(with.othersIncludesPooledGroups());
        for (DimensionResult d : with.dimensions()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(d.groups().get(PEER)));
            assertEquals(without.dimension(d.dimension()).others(), d.others(), "OTHERS must not contain the peers");
            assertEquals(4, n(d.others()));
        }
        for (ItemResult item : with.items()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(item.groups().get(PEER)));
            assertEquals(without.item(item.item()).others(), item.others());
        }
        assertEquals(without, with);
    }

    @Test
    void rule1_directReportsBelowK_areWithheld_andOthersBecomesTheBasis() {
        List<RaterSubmission> submissions = List.of(
                rater("self", SELF, 4, 4, 2, 4, 4),
                rater("manager", MANAGER, 3, 3, 3, 3, 3),
                rater("dr1", DIRECT_REPORT, 1, 1, 5, 1, 1),
                rater("dr2", DIRECT_REPORT, 1, 1, 5, 1, 1),
                rater("peer1", PEER, 4, 4, 2, 4, 4),
                rater("peer2", PEER, 4, 4, 2, 4, 4),
                rater("peer3", PEER, 4, 5, 1, 5, 4));
        SubjectReport report = report(submissions);

        assertEquals(FollowersBasis.OTHERS, report.followersBasis());
        for (DimensionResult d : report.dimensions()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(d.groups().get(DIRECT_REPORT)));
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(d.consensus()));
            assertEquals(4, n(d.others()), "manager + 3 peers, no direct report");
            assertEquals(d.others(), d.followers());
        }
        // TRUST others = manager 3, peers 4, 4, 14/3: the direct reports' 1s are nowhere.
        assertEquals((3 + 4 + 4 + 14.0 / 3) / 4, mean(report.dimension("TRUST").others()), 1e-12);
        AlignmentResult alignment = assertInstanceOf(AlignmentResult.class, report.alignment());
        assertEquals(FollowersBasis.OTHERS, alignment.basis());
    }

    @Test
    void rule1_kIsTheCyclesThreshold_groupOfKMinusOneWithheldAtK4() {
        ReportCalculator k4 = new ReportCalculator(WORKED_INSTRUMENT, ScoringPolicy.DEFAULT.withK(4));
        SubjectReport report = k4.calculate("leader-1", CORE); // three direct reports
        assertEquals(4, report.k());
        assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(report.dimension("TRUST").groups().get(DIRECT_REPORT)));
        // Manager + 3 direct reports = 4 raters, but the direct reports are not pooled (3 < 4) and the
        // manager alone is 1 < 4: nothing in OTHERS.
        assertEquals(WithheldReason.TOO_FEW_ANSWERS, reason(report.dimension("TRUST").others()));
        assertEquals(WithheldReason.NO_BASIS, reason(report.alignment()));
        assertEquals(FollowersBasis.NONE, report.followersBasis());
    }

    @Test
    void rule2_unpublishedGroupsPooledIntoOthers_onlyWhenTogetherAtLeastK() {
        RaterSubmission peer1 = rater("peer1", PEER, 1, 1, 5, 1, 1);
        RaterSubmission peer2 = rater("peer2", PEER, 1, 1, 5, 1, 1);
        RaterSubmission other1 = rater("other1", OTHER, 2, 2, 4, 2, 2);

        SubjectReport pooled = report(plus(CORE, peer1, peer2, other1));
        assertTrue(pooled.othersIncludesPooledGroups());
        assertEquals(List.of(SELF, MANAGER, DIRECT_REPORT), pooled.publishedGroups());
        DimensionResult trust = pooled.dimension("TRUST");
        assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(trust.groups().get(PEER)));
        assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(trust.groups().get(OTHER)));
        assertEquals(7, n(trust.others()), "manager + 3 direct reports + 2 peers + 1 other");
        // manager 3, direct reports 10/3, 11/3, 3, peers 1, 1, other 2
        assertEquals((3 + 10.0 / 3 + 11.0 / 3 + 3 + 1 + 1 + 2) / 7, mean(trust.others()), 1e-12);

        SubjectReport notPooled = report(plus(CORE, peer1, other1));
        assertFalse(notPooled.othersIncludesPooledGroups());
        assertEquals(report(CORE), notPooled, "1 peer + 1 other < k: in no figure at all");
    }

    @Test
    void rule3_itemWithAnswersBelowK_isWithheld_andOthersCannotRevealItBySubtraction() {
        // dr3 answers t2 N/A: the followers' t2 has only 2 answers.
        List<RaterSubmission> submissions = List.of(
                rater("self", SELF, 4, 4, 2, 4, 4),
                rater("manager", MANAGER, 3, 3, 3, 3, 3),
                rater("dr1", DIRECT_REPORT, 3, 1, 3, 3, 4),
                rater("dr2", DIRECT_REPORT, 4, 1, 2, 4, 3),
                rater("dr3", DIRECT_REPORT, 3, null, 3, 3, 3));
        SubjectReport report = report(submissions);

        ItemResult t2 = report.item("t2");
        Withheld followers = assertInstanceOf(Withheld.class, t2.groups().get(DIRECT_REPORT));
        assertEquals(WithheldReason.TOO_FEW_ANSWERS, followers.reason());
        assertFalse(followers.detail().isBlank());
        // OTHERS t2 would have 3 answers (manager + 2), but minus the published manager it is the
        // two followers' mean: withheld too.
        assertEquals(WithheldReason.COMPLEMENTARY_DISCLOSURE, reason(t2.others()));
        assertTrue(report.blindSpots().stream().noneMatch(g -> g.item().equals("t2")));
        // The dimension is still published: dr3 answered 2 of 3 TRUST items. Beside it, t1 and t3 would
        // give dr3's answers away (PartialAnswers): withheld too.
        assertEquals(3, n(report.dimension("TRUST").groups().get(DIRECT_REPORT)));
        assertEquals(WithheldReason.PARTIAL_ANSWERS, reason(report.item("t1").groups().get(DIRECT_REPORT)));
        assertEquals(WithheldReason.PARTIAL_ANSWERS, reason(report.item("t1").others()));
        // Other dimensions' items are untouched.
        assertEquals(3, n(report.item("c1").groups().get(DIRECT_REPORT)));
        assertEquals(4, n(report.item("c1").others()));
    }

    @Test
    void rule3_dimensionWithRaterScoresBelowK_isWithheld_withItsGapAndConsensus() {
        // dr3 answers only t1 of TRUST (needs 2): the followers' TRUST rests on 2 raters.
        List<RaterSubmission> submissions = List.of(
                rater("self", SELF, 4, 4, 2, 4, 4),
                rater("manager", MANAGER, 3, 3, 3, 3, 3),
                rater("dr1", DIRECT_REPORT, 1, 1, 5, 3, 4),
                rater("dr2", DIRECT_REPORT, 1, 1, 5, 4, 3),
                rater("dr3", DIRECT_REPORT, 3, null, null, 3, 3));
        SubjectReport report = report(submissions);

        DimensionResult trust = report.dimension("TRUST");
        assertEquals(WithheldReason.TOO_FEW_ANSWERS, reason(trust.groups().get(DIRECT_REPORT)));
        assertEquals(WithheldReason.TOO_FEW_ANSWERS, reason(trust.followers()));
        assertEquals(WithheldReason.TOO_FEW_ANSWERS, reason(trust.consensus()));
        assertEquals(WithheldReason.COMPLEMENTARY_DISCLOSURE, reason(trust.others()));
        assertNull(trust.gap());
        AlignmentResult alignment = assertInstanceOf(AlignmentResult.class, report.alignment());
        assertEquals(List.of("COMMUNICATION"), alignment.dimensions());
        assertEquals(3, n(report.dimension("COMMUNICATION").groups().get(DIRECT_REPORT)));
    }

    @Test
    void rule3_pooledRatersBelowKOnAFigure_cannotBeRevealedBySubtraction() {
        // The pool (2 peers + 1 other) reaches k, but only one pooled rater answered c2.
        SubjectReport report = report(plus(CORE,
                rater("peer1", PEER, 4, 4, 2, 4, 1),
                rater("peer2", PEER, 4, 4, 2, 4, null),
                rater("other1", OTHER, 4, 4, 2, 4, null)));
        assertTrue(report.othersIncludesPooledGroups());
        assertEquals(WithheldReason.COMPLEMENTARY_DISCLOSURE, reason(report.item("c2").others()));
        // c1 beside OTHERS' COMMUNICATION would give away what the two who skipped c2 answered on c1.
        assertEquals(WithheldReason.PARTIAL_ANSWERS, reason(report.item("c1").others()));
        assertEquals(7, n(report.item("t1").others()));
    }

    @Test
    void rule4_commentsOfUnpublishedGroupsAppearNowhere() {
        SubjectReport report = report(plus(CORE,
                withComment(rater("peer1", PEER, 4, 4, 2, 4, 4), "keep", "peer secret one"),
                withComment(rater("peer2", PEER, 4, 4, 2, 4, 4), "keep", "peer secret two"),
                withComment(rater("dr4", DIRECT_REPORT, 4, 4, 2, 4, 4), "keep", "follower text")));
        List<String> texts = report.comments().stream().flatMap(c -> c.texts().stream()).toList();
        assertEquals(List.of("follower text"), texts);
        assertEquals(CommentSource.DIRECT_REPORT, report.comments().get(0).source());
    }

    @Test
    void rule4_pooledGroupsCommentsAreShownUnderOthers() {
        SubjectReport report = report(plus(CORE,
                withComment(rater("peer1", PEER, 4, 4, 2, 4, 4), "keep", "a"),
                withComment(rater("peer2", PEER, 4, 4, 2, 4, 4), "keep", "b"),
                withComment(rater("other1", OTHER, 4, 4, 2, 4, 4), "keep", "c")));
        assertEquals(1, report.comments().size());
        CommentGroup group = report.comments().get(0);
        assertEquals(CommentSource.OTHERS, group.source());
        assertEquals(List.of("a", "b", "c"), group.texts().stream().sorted().toList());
    }

    @Test
    void rule4_commentOrderIsFixedByHashNotArrival() {
        List<RaterSubmission> submissions = new ArrayList<>(List.of(CORE.get(0), CORE.get(1)));
        for (int i = 0; i < 8; i++) {
            submissions.add(withComment(rater("dr" + i, DIRECT_REPORT, 3, 3, 3, 3, 3), "change", "comment " + i));
        }
        List<String> expected = report(submissions).comments().get(0).texts();
        assertEquals(CommentOrder.order("leader-1", expected), expected);
        assertTrue(!expected.equals(expected.stream().sorted().toList()) || expected.size() < 2,
                "hash order is not the alphabetical (= arrival) order here");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(submissions, random);
            assertEquals(expected, report(submissions).comments().get(0).texts());
        }
    }

    @Test
    void managerNotAnonymous_byDefault_isShownWithNOne() {
        SubjectReport report = report(CORE);
        assertEquals(1, n(report.dimension("TRUST").groups().get(MANAGER)));
        assertEquals(4, n(report.dimension("TRUST").others()));
    }

    @Test
    void managerAnonymous_isAGroupNeedingK_andAloneAppearsNowhere() {
        ReportCalculator anonymousManager = new ReportCalculator(WORKED_INSTRUMENT,
                ScoringPolicy.DEFAULT.withManagerAnonymous(true));
        List<RaterSubmission> submissions = plus(CORE.subList(0, 1),
                withComment(rater("manager", MANAGER, 1, 1, 5, 1, 1), "keep", "manager words"),
                CORE.get(2), CORE.get(3), CORE.get(4));
        SubjectReport report = anonymousManager.calculate("leader-1", submissions);

        assertFalse(report.publishedGroups().contains(MANAGER));
        for (DimensionResult d : report.dimensions()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(d.groups().get(MANAGER)));
            assertEquals(d.groups().get(DIRECT_REPORT), d.others(), "OTHERS = the direct reports only");
        }
        for (ItemResult item : report.items()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(item.groups().get(MANAGER)));
            assertEquals(item.groups().get(DIRECT_REPORT), item.others());
        }
        assertTrue(report.comments().isEmpty());

        // With two peers the manager is pooled (1 + 2 = k) and counts in OTHERS, unnamed.
        SubjectReport pooled = anonymousManager.calculate("leader-1", plus(submissions,
                rater("peer1", PEER, 4, 4, 2, 4, 4), rater("peer2", PEER, 4, 4, 2, 4, 4)));
        assertTrue(pooled.othersIncludesPooledGroups());
        assertEquals(6, n(pooled.dimension("TRUST").others()));
        assertEquals(CommentSource.OTHERS, pooled.comments().get(0).source());
    }

    @Test
    void selfIsNeverInOthers() {
        SubjectReport report = report(CORE);
        SubjectReport extremeSelf = report(plus(CORE.subList(1, CORE.size()), rater("self", SELF, 1, 1, 5, 1, 1)));
        for (DimensionResult d : report.dimensions()) {
            assertEquals(d.others(), extremeSelf.dimension(d.dimension()).others());
        }
    }

    @Test
    void withheldFiguresCarryAReasonNeverAZero() {
        SubjectReport report = report(List.of(rater("self", SELF, 4, 4, 2, 4, 4),
                rater("dr1", DIRECT_REPORT, 1, 1, 5, 1, 1)));
        for (DimensionResult d : report.dimensions()) {
            for (RaterGroup group : List.of(MANAGER, DIRECT_REPORT, PEER, OTHER)) {
                assertInstanceOf(Withheld.class, d.groups().get(group), group.name());
            }
            assertInstanceOf(Withheld.class, d.others());
            assertNull(d.gap());
        }
        assertEquals(WithheldReason.NOT_ANSWERED, reason(report.dimension("TRUST").groups().get(MANAGER)));
        assertEquals(WithheldReason.NO_BASIS, reason(report.alignment()));
        assertTrue(report.blindSpots().isEmpty());
    }
}
