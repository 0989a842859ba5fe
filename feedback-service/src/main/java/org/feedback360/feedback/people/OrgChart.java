package org.feedback360.feedback.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manager relation of one tenant as a plain map, with the one question the
 * directory must answer before any write: would this chart contain a manager loop?
 */
public final class OrgChart {

    private final Map<String, String> managerOf;

    /** @param managerOf employee id → manager employee id (absent or null: no manager) */
    public OrgChart(Map<String, String> managerOf) {
        this.managerOf = managerOf;
    }

    /**
     * Every loop reachable upwards from the given people, each listed once in reporting
     * order (a → b → c means a reports to b, b to c, c to a). Walks each chain once, so
     * the cost is linear in the size of the chart.
     */
    public List<List<String>> loopsThrough(Collection<String> start) {
        List<List<String>> loops = new ArrayList<>();
        Set<String> settled = new HashSet<>();
        for (String first : start) {
            Map<String, Integer> positionOnPath = new HashMap<>();
            List<String> path = new ArrayList<>();
            String current = first;
            while (current != null && !settled.contains(current)) {
                Integer seenAt = positionOnPath.get(current);
                if (seenAt != null) {
                    loops.add(List.copyOf(path.subList(seenAt, path.size())));
                    break;
                }
                positionOnPath.put(current, path.size());
                path.add(current);
                current = managerOf.get(current);
            }
            settled.addAll(path);
        }
        return loops;
    }

    /** Renders a loop for people: {@code a → b → c → a}. */
    public static String describe(List<String> loop) {
        return String.join(" → ", loop) + " → " + loop.get(0);
    }
}
