package org.feedback360.scoring.engine;

import java.util.Map;

/**
 * A rater's answers (item id → 1..A, null for N/A) that cannot change and find an item in constant
 * time. A {@link RaterSubmission} keeps such a map as it is; any other map it copies, since the
 * engine looks every answer up several times per report and must not see it change.
 */
public interface ImmutableAnswers extends Map<String, Integer> {
}
