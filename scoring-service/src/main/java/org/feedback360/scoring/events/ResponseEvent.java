package org.feedback360.scoring.events;

import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.rating.Rating;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * ResponseSubmitted on {@code feedback.responses}, as this service reads it
 * (feedback-service/contract/response-submitted.schema.json; read by {@link ResponseParser}). The
 * tenant is in the envelope.
 */
public record ResponseEvent(UUID id, String type, String tenant, String timeText, Data data) {

    public record Data(UUID cycleId, String subjectId, String raterKey, RaterGroup group, Integer revision,
                       Map<String, Integer> answers, Map<String, String> comments) {
    }

    /**
     * The CloudEvents time: when the response was submitted. Read on demand (a rebuild reads a
     * million events and needs none of their times); null when absent or unreadable.
     */
    public Instant time() {
        try {
            return timeText == null ? null : Instant.parse(timeText);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Why the event cannot be applied, or null when it can. */
    public String problem() {
        if (id == null || tenant == null || tenant.isBlank() || data == null) {
            return "envelope without id, tenant or data";
        }
        if (!FeedbackEvents.RESPONSE_SUBMITTED.equals(type)) {
            return "unexpected type " + type;
        }
        if (data.cycleId() == null || data.subjectId() == null || data.subjectId().isBlank()
                || data.raterKey() == null || data.raterKey().isBlank() || data.group() == null
                || data.revision() == null || data.revision() < 1 || data.answers() == null) {
            return "response without cycle, subject, rater key, group, revision or answers";
        }
        return null;
    }

    public SubjectKey subject() {
        return new SubjectKey(tenant, data.cycleId(), data.subjectId());
    }

    public Rating rating() {
        return new Rating(subject(), data.raterKey(), data.group(), data.revision(), id, data.answers(),
                data.comments());
    }
}
