package org.feedback360.feedback.people;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgChartTest {

    private static Map<String, String> chart(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aTreeHasNoLoop() {
        OrgChart c = new OrgChart(chart("ceo", null, "vp", "ceo", "a", "vp", "b", "vp"));
        assertTrue(c.loopsThrough(List.of("a", "b", "vp", "ceo")).isEmpty());
    }

    @Test
    void managerMissingFromChartEndsTheWalk() {
        assertTrue(new OrgChart(chart("a", "ghost")).loopsThrough(List.of("a")).isEmpty());
    }

    @Test
    void ownManagerIsALoopOfOne() {
        assertEquals(List.of(List.of("a")), new OrgChart(chart("a", "a")).loopsThrough(List.of("a")));
    }

    @Test
    void loopIsReportedInReportingOrderFromWhereTheWalkEntersIt() {
        // x reports into the loop a → b → c → a but is not part of it.
        OrgChart c = new OrgChart(chart("x", "a", "a", "b", "b", "c", "c", "a"));
        assertEquals(List.of(List.of("a", "b", "c")), c.loopsThrough(List.of("x")));
    }

    @Test
    void oneLoopReachedFromSeveralStartsIsReportedOnce() {
        OrgChart c = new OrgChart(chart("a", "b", "b", "a", "r1", "a", "r2", "b"));
        assertEquals(1, c.loopsThrough(List.of("r1", "r2", "a", "b")).size());
    }

    @Test
    void separateLoopsAreAllReported() {
        OrgChart c = new OrgChart(chart("a", "b", "b", "a", "c", "d", "d", "c"));
        assertEquals(2, c.loopsThrough(List.of("a", "c")).size());
    }

    @Test
    void describeClosesTheLoop() {
        assertEquals("a → b → a", OrgChart.describe(List.of("a", "b")));
    }
}
