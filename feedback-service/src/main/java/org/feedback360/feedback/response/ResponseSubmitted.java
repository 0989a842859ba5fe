package org.feedback360.feedback.response;

import org.feedback360.feedback.instrument.RaterGroup;

import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of ResponseSubmitted on {@code feedback.responses}
 * (contract/response-submitted.schema.json): one rater's complete answers under their
 * pseudonymous key. Deliberately without rater id, assignment id or submission time.
 */
public record ResponseSubmitted(UUID cycleId, String subjectId, String raterKey, RaterGroup group, int revision,
                                Map<String, Integer> answers, Map<String, String> comments) {

    public static final String TOPIC = "feedback.responses";
    public static final String TYPE = "ResponseSubmitted";
}
