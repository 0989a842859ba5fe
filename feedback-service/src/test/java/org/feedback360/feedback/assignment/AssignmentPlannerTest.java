package org.feedback360.feedback.assignment;

import org.feedback360.feedback.instrument.RaterGroup;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AssignmentPlannerTest {

    // dora leads leo, pia and paul; leo leads fay and finn; finn has left.
    static final Map<String, String> CHART = new HashMap<>();

    static {
        CHART.put("dora", null);
        CHART.put("leo", "dora");
        CHART.put("pia", "dora");
        CHART.put("paul", "dora");
        CHART.put("fay", "leo");
        CHART.put("finn", "leo");
    }

    static final Set<String> ACTIVE = Set.of("dora", "leo", "pia", "paul", "fay");

    private static AssignmentPlanner.Planned p(String subject, String rater, RaterGroup g) {
        return new AssignmentPlanner.Planned(subject, rater, g);
    }

    @Test
    void aLeaderIsRatedBySelfManagerActiveReportsAndPeers() {
        assertEquals(List.of(
                        p("leo", "leo", RaterGroup.SELF),
                        p("leo", "dora", RaterGroup.MANAGER),
                        p("leo", "fay", RaterGroup.DIRECT_REPORT),
                        p("leo", "paul", RaterGroup.PEER),
                        p("leo", "pia", RaterGroup.PEER)),
                AssignmentPlanner.plan(List.of("leo"), CHART, ACTIVE, EnumSet.allOf(RaterGroup.class)));
    }

    @Test
    void theTopOfTheChartHasNoManagerAndNoPeers() {
        assertEquals(List.of(
                        p("dora", "dora", RaterGroup.SELF),
                        p("dora", "leo", RaterGroup.DIRECT_REPORT),
                        p("dora", "paul", RaterGroup.DIRECT_REPORT),
                        p("dora", "pia", RaterGroup.DIRECT_REPORT)),
                AssignmentPlanner.plan(List.of("dora"), CHART, ACTIVE, EnumSet.allOf(RaterGroup.class)));
    }

    @Test
    void onlyTheInstrumentsGroupsAreAsked() {
        assertEquals(List.of(p("fay", "fay", RaterGroup.SELF), p("fay", "leo", RaterGroup.MANAGER)),
                AssignmentPlanner.plan(List.of("fay"), CHART, ACTIVE, EnumSet.of(RaterGroup.SELF, RaterGroup.MANAGER)));
    }

    @Test
    void anInactiveManagerDoesNotRate() {
        assertEquals(List.of(p("fay", "fay", RaterGroup.SELF)),
                AssignmentPlanner.plan(List.of("fay"), CHART, Set.of("fay"), EnumSet.allOf(RaterGroup.class)));
    }
}
