package org.feedback360.feedback.response;

import java.util.Map;

/**
 * What a rater sends, as draft or submission.
 *
 * @param answers  item id → 1..5, or {@code null} for N/A; an item left out is N/A too
 * @param comments open question id → text (at most {@value AnswerRules#MAX_COMMENT} characters)
 */
public record ResponseRequest(Map<String, Integer> answers, Map<String, String> comments) {

    Map<String, Integer> answersOrEmpty() {
        return answers == null ? Map.of() : answers;
    }

    Map<String, String> commentsOrEmpty() {
        return comments == null ? Map.of() : comments;
    }
}
