package org.feedback360.scoring.engine;

import static org.feedback360.scoring.engine.Fixtures.mean;
import static org.feedback360.scoring.engine.Fixtures.rater;
import static org.feedback360.scoring.engine.Fixtures.reason;
import static org.feedback360.scoring.engine.RaterGroup.MANAGER;
import static org.feedback360.scoring.engine.RaterGroup.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * followership-v1: rated by the follower (SELF) and the manager only. The alignment compares self
 * with the manager; without that basis OTHERS (the manager alone, 1 &lt; k) would withhold everything.
 */
class FollowershipTest {

    static final String[] ITEMS = {"j1", "j2", "w1", "w2"};
    static final InstrumentModel INSTRUMENT = InstrumentModel.of(
            Dimension.of("JUDGMENT", Item.of("j1"), Item.of("j2")),
            Dimension.of("WORK_ETHIC", Item.of("w1"), Item.reversed("w2"))).ratedBy(SELF, MANAGER);

    static final List<RaterSubmission> SUBMISSIONS = List.of(
            rater("self", SELF, ITEMS, 5, 5, 4, 2),
            rater("manager", MANAGER, ITEMS, 3, 4, 4, 1));

    @Test
    void selfIsComparedWithTheManager() {
        SubjectReport report = new ReportCalculator(INSTRUMENT, ScoringPolicy.DEFAULT).calculate("f-1", SUBMISSIONS);

        assertEquals(FollowersBasis.MANAGER, report.followersBasis());
        DimensionResult judgment = report.dimension("JUDGMENT");
        assertEquals(3.5, mean(judgment.followers()), 1e-12);
        assertEquals(1.5, judgment.gap(), 1e-12);
        assertEquals(WithheldReason.NOT_APPLICABLE, reason(judgment.consensus()));
        assertEquals(WithheldReason.TOO_FEW_ANSWERS, reason(judgment.others()), "the manager alone is no OTHERS");
        DimensionResult workEthic = report.dimension("WORK_ETHIC");
        assertEquals(4.0, mean(workEthic.groups().get(SELF)), 1e-12, "w2 reversed: 2 counts 4");
        assertEquals(4.5, mean(workEthic.followers()), 1e-12, "w2 reversed: 1 counts 5");

        AlignmentResult alignment = assertInstanceOf(AlignmentResult.class, report.alignment());
        assertEquals(FollowersBasis.MANAGER, alignment.basis());
        // AI = 1 − (|5 − 3.5| + |4 − 4.5|) / (2 × 4) = 0.75; S̄ = 4.5, F̄ = 4.0: in agreement, good.
        assertEquals(0.75, alignment.index(), 1e-12);
        assertEquals(AgreementCategory.IN_AGREEMENT_GOOD, alignment.category());
        // Item gaps against the manager: j1 5 − 3 = 2, j2 5 − 4 = 1; w2 manager 5 − self 4 = 1.
        assertEquals(List.of("j1", "j2"), report.blindSpots().stream().map(ItemGap::item).toList());
        assertEquals(List.of("w2"), report.hiddenStrengths().stream().map(ItemGap::item).toList());
    }

    @Test
    void anAnonymousManagerIsNoBasis() {
        ReportCalculator calculator = new ReportCalculator(INSTRUMENT, ScoringPolicy.DEFAULT.withManagerAnonymous(true));
        SubjectReport report = calculator.calculate("f-1", SUBMISSIONS);

        assertEquals(FollowersBasis.NONE, report.followersBasis());
        assertEquals(WithheldReason.NO_BASIS, reason(report.alignment()));
        for (DimensionResult d : report.dimensions()) {
            assertEquals(WithheldReason.GROUP_BELOW_THRESHOLD, reason(d.groups().get(MANAGER)));
            assertEquals(WithheldReason.NO_BASIS, reason(d.followers()));
        }
        assertTrue(report.blindSpots().isEmpty() && report.hiddenStrengths().isEmpty(), "nothing about the manager leaks");
    }

    @Test
    void withoutTheManagersRatingThereIsNoAlignment() {
        SubjectReport report = new ReportCalculator(INSTRUMENT, ScoringPolicy.DEFAULT)
                .calculate("f-1", SUBMISSIONS.subList(0, 1));
        assertEquals(FollowersBasis.NONE, report.followersBasis());
        assertEquals(WithheldReason.NO_BASIS, reason(report.alignment()));
    }

    @Test
    void aLeaderInstrumentStillFallsBackToOthers() {
        assertTrue(!Fixtures.WORKED_INSTRUMENT.comparesSelfWithManager());
        assertTrue(INSTRUMENT.comparesSelfWithManager());
        assertTrue(!Fixtures.WORKED_INSTRUMENT.ratedBy(SELF).comparesSelfWithManager(), "no manager, no basis");
    }
}
