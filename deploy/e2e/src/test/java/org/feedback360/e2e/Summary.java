package org.feedback360.e2e;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The suite's closing statement: what was tried, and how much of it was lost, duplicated or
 * leaked — which must be zero. Tests record their counts; JUnit calls this listener (registered
 * in META-INF/services) once the whole plan has run.
 */
public class Summary implements TestExecutionListener {

    record Line(long tried, long bad) {
    }

    private static final Map<String, Line> LINES = new ConcurrentSkipListMap<>();
    static final String JOURNEYS = "journeys completed (opened to released and checked), not completed";
    private static final java.util.Set<String> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> COMPLETED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param bad how many of {@code tried} went wrong: lost, duplicated, leaked or wrongly answered */
    public static void record(String what, long tried, long bad) {
        LINES.merge(what, new Line(tried, bad), (a, b) -> new Line(a.tried + b.tried, a.bad + b.bad));
    }

    /** A whole review cycle begins: it counts as not completed unless {@link #journeyCompleted} follows. */
    public static void journeyStarted(String name) {
        STARTED.add(name);
    }

    /** The review was released and every check of it passed. */
    public static void journeyCompleted(String name) {
        COMPLETED.add(name);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!STARTED.isEmpty()) {
            record(JOURNEYS, STARTED.size(), STARTED.stream().filter(j -> !COMPLETED.contains(j)).count());
        }
        if (LINES.isEmpty()) {
            return;
        }
        int width = LINES.keySet().stream().mapToInt(String::length).max().orElse(0);
        String row = "%-" + width + "s %8s %11s%n";
        StringBuilder out = new StringBuilder("\n===== end-to-end summary =====\n");
        out.append(String.format(row, "", "tried", "wrong (0!)"));
        LINES.forEach((what, line) -> out.append(String.format(row, what, line.tried, line.bad)));
        System.out.println(out);
    }
}
