package org.feedback360.scoring.rating;

import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.engine.RaterSubmission;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored rating: one pseudonymous rater's submission about a subject, as the latest
 * ResponseSubmitted under its rater key carried it.
 *
 * @param eventId the event that carried this revision; breaks a tie between two events of the
 *                same revision, so that the stored outcome never depends on arrival order
 */
public record Rating(SubjectKey subject, String raterKey, RaterGroup group, int revision, UUID eventId,
                     Map<String, Integer> answers, Map<String, String> comments) {

    public Rating {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(raterKey, "raterKey");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(answers, "answers");
        comments = comments == null ? Map.of() : comments;
    }

    /**
     * Whether this rating replaces the other one of the same rater: a higher revision wins; on a
     * tie the greater event id, compared as PostgreSQL compares uuids (byte by byte, unsigned).
     */
    public boolean supersedes(Rating other) {
        if (revision != other.revision) {
            return revision > other.revision;
        }
        return compareUnsigned(eventId, other.eventId) > 0;
    }

    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The rater key within its subject: the identity under which revisions replace each other. */
    public RaterId raterId() {
        return new RaterId(subject, raterKey);
    }

    public RaterSubmission submission() {
        return new RaterSubmission(raterKey, group, answers, comments);
    }

    public record RaterId(SubjectKey subject, String raterKey) {
    }
}
