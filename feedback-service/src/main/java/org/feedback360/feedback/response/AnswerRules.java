package org.feedback360.feedback.response;

import org.feedback360.feedback.instrument.InstrumentDefinition;
import org.feedback360.feedback.instrument.Scale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks answers against the instrument version of the cycle: every answer names an item
 * of it and lies on the platform scale, every comment answers one of its open questions and
 * is not too long. A submission must also rate at least one item: "submitted" counts towards
 * completion and tells the rater they are done, so it must carry a rating; a draft may be empty.
 */
public final class AnswerRules {

    public static final int MAX_COMMENT = 2000;

    public record FieldError(String field, String message) {
    }

    /** Answers and comments after the rules: sorted by id, blank comments dropped. */
    public record Clean(Map<String, Integer> answers, Map<String, String> comments) {
    }

    private AnswerRules() {
    }

    public static List<FieldError> check(InstrumentDefinition d, ResponseRequest r) {
        Set<String> items = new HashSet<>();
        d.dimensions().forEach(dim -> dim.items().forEach(i -> items.add(i.id())));
        Set<String> questions = new HashSet<>();
        d.openQuestionsOrEmpty().forEach(q -> questions.add(q.id()));
        Scale scale = Scale.PLATFORM;
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(r.answersOrEmpty()).forEach((item, value) -> {
            if (!items.contains(item)) {
                errors.add(new FieldError("answers." + item, "is not an item of instrument " + d.key()));
            } else if (value != null && (value < scale.min() || value > scale.max())) {
                errors.add(new FieldError("answers." + item,
                        "must be " + scale.min() + ".." + scale.max() + ", or null for N/A; was " + value));
            }
        });
        new TreeMap<>(r.commentsOrEmpty()).forEach((question, text) -> {
            if (!questions.contains(question)) {
                errors.add(new FieldError("comments." + question, "is not an open question of instrument " + d.key()));
            } else if (text != null && text.length() > MAX_COMMENT) {
                errors.add(new FieldError("comments." + question,
                        "may be at most " + MAX_COMMENT + " characters; was " + text.length()));
            }
        });
        return errors;
    }

    /** The rules of {@link #check}, and at least one item rated (N/A is no rating). */
    public static List<FieldError> checkSubmission(InstrumentDefinition d, ResponseRequest r) {
        List<FieldError> errors = new ArrayList<>(check(d, r));
        if (r.answersOrEmpty().values().stream().allMatch(v -> v == null)) {
            errors.add(new FieldError("answers", "a submission must rate at least one item"));
        }
        return errors;
    }

    /** Call after {@link #check} found nothing. A cleared text box sends "": that is no comment. */
    public static Clean clean(ResponseRequest r) {
        Map<String, String> comments = new TreeMap<>();
        r.commentsOrEmpty().forEach((q, text) -> {
            if (text != null && !text.isBlank()) {
                comments.put(q, text.strip());
            }
        });
        return new Clean(new TreeMap<>(r.answersOrEmpty()), comments);
    }
}
