package org.feedback360.scoring.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.HashMap;
import java.util.TreeMap;

/**
 * One rater's latest submission about one subject, as the scoring service knows it:
 * a pseudonymous key, never an identity.
 *
 * @param raterKey  keyed hash of cycle and rater (secret to the feedback service); a revision
 *                  carries the same key and replaces the earlier submission
 * @param answers   item id → 1..A, or null for N/A (a missing item is N/A too)
 * @param comments  open question id → text; blank texts are ignored
 */
public record RaterSubmission(String raterKey, RaterGroup group, Map<String, Integer> answers,
                              Map<String, String> comments) {

    public RaterSubmission {
        Objects.requireNonNull(raterKey, "raterKey");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(answers, "answers");
        // HashMap rather than Map.copyOf: N/A is a null value. Hashing: the engine looks answers up by item id.
        answers = answers instanceof ImmutableAnswers ? answers : Collections.unmodifiableMap(new HashMap<>(answers));
        comments = Collections.unmodifiableMap(new TreeMap<>(comments == null ? Map.of() : comments));
    }

    public RaterSubmission(String raterKey, RaterGroup group, Map<String, Integer> answers) {
        this(raterKey, group, answers, Map.of());
    }

    /** The raw answer to an item, or null for N/A. */
    public Integer answer(String itemId) {
        return answers.get(itemId);
    }
}
