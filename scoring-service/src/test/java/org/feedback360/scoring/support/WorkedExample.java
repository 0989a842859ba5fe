package org.feedback360.scoring.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SCORING.md's worked example (k = 3) as ResponseSubmitted events about one subject. */
public final class WorkedExample {

    public static final String[] ITEMS = {"t1", "t2", "t3", "c1", "c2"};

    /** rater name, group, answers to t1, t2, t3, c1, c2 (null = N/A). */
    public static final List<Object[]> RATERS = List.of(
            new Object[] {"self", "SELF", new Integer[] {5, 5, 1, 4, 5}},
            new Object[] {"manager", "MANAGER", new Integer[] {4, 3, 2, 3, 4}},
            new Object[] {"dr1", "DIRECT_REPORT", new Integer[] {3, 4, 3, 2, 3}},
            new Object[] {"dr2", "DIRECT_REPORT", new Integer[] {4, 4, 2, 3, null}},
            new Object[] {"dr3", "DIRECT_REPORT", new Integer[] {2, 3, 4, 2, 2}},
            new Object[] {"dr4", "DIRECT_REPORT", new Integer[] {3, null, null, 3, 3}},
            new Object[] {"peer1", "PEER", new Integer[] {4, 4, 2, 4, 4}},
            new Object[] {"peer2", "PEER", new Integer[] {5, 4, 1, 4, 5}});

    private WorkedExample() {
    }

    public static Map<String, Integer> answers(Integer... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < ITEMS.length; i++) {
            answers.put(ITEMS[i], values[i]);
        }
        return answers;
    }

    /** The final submissions of the example, revision 1 each; followers and peers leave a comment. */
    public static List<ObjectNode> responses(String tenant, UUID cycleId, String subjectId) {
        List<ObjectNode> events = new ArrayList<>();
        for (Object[] rater : RATERS) {
            events.add(response(tenant, cycleId, subjectId, rater, 1));
        }
        return events;
    }

    public static ObjectNode response(String tenant, UUID cycleId, String subjectId, Object[] rater, int revision) {
        String name = (String) rater[0];
        Map<String, String> comments = name.startsWith("dr") || name.startsWith("peer")
                ? Map.of("keep-doing", "Comment of " + name) : Map.of();
        return TestEvents.response(tenant, cycleId, subjectId, TestEvents.raterKey(name),
                (String) rater[1], revision, answers((Integer[]) rater[2]), comments);
    }
}
