package org.feedback360.scoring.engine;

import java.util.HashMap;
import java.util.Map;

/** Builders for the tests: the worked example's instrument and terse submissions. */
final class Fixtures {
    private Fixtures() {
    }

    /** TRUST = t1, t2, t3 (t3 reverse-scored); COMMUNICATION = c1, c2. */
    static final InstrumentModel WORKED_INSTRUMENT = InstrumentModel.of(
            Dimension.of("TRUST", Item.of("t1"), Item.of("t2"), Item.reversed("t3")),
            Dimension.of("COMMUNICATION", Item.of("c1"), Item.of("c2")));

    static final String[] WORKED_ITEMS = {"t1", "t2", "t3", "c1", "c2"};

    /** Answers to t1, t2, t3, c1, c2 in order; null is N/A. */
    static RaterSubmission rater(String key, RaterGroup group, Integer... answers) {
        return rater(key, group, WORKED_ITEMS, answers);
    }

    static RaterSubmission rater(String key, RaterGroup group, String[] items, Integer... answers) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            map.put(items[i], answers[i]);
        }
        return new RaterSubmission(key, group, map);
    }

    static RaterSubmission withComment(RaterSubmission s, String question, String text) {
        Map<String, String> comments = new HashMap<>(s.comments());
        comments.put(question, text);
        return new RaterSubmission(s.raterKey(), s.group(), s.answers(), comments);
    }

    static double mean(Figure figure) {
        if (figure instanceof Score score) {
            return score.mean();
        }
        throw new AssertionError("expected a published score, got " + figure);
    }

    static int n(Figure figure) {
        if (figure instanceof Score score) {
            return score.n();
        }
        throw new AssertionError("expected a published score, got " + figure);
    }

    static WithheldReason reason(Object figure) {
        if (figure instanceof Withheld withheld) {
            return withheld.reason();
        }
        throw new AssertionError("expected a withheld figure, got " + figure);
    }
}
