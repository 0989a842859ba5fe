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

    /** @param bad how many of {@code tried} went wrong: lost, duplicated, leaked or wrongly answered */
    public static void record(String what, long tried, long bad) {
        LINES.merge(what, new Line(tried, bad), (a, b) -> new Line(a.tried + b.tried, a.bad + b.bad));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
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
