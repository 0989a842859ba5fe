package org.feedback360.scoring.aggregate;

import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.SubjectSummary;
import org.feedback360.scoring.rating.Rating;

import java.time.Instant;
import java.util.Collection;

/**
 * A subject's current scores.
 *
 * @param submissions   stored ratings (one per rater key)
 * @param revisions     the sum of their revision numbers: tells whether the latest revisions are all there
 * @param summary       dimension scores and alignment; null while the subject's cycle (and so its
 *                      instrument) is not known yet
 * @param newEvents     ResponseSubmitted events applied in this write (added to the stored count)
 * @param lastEventAt   CloudEvents time of the newest of them, null when there are none
 */
public record Aggregate(SubjectKey subject, int submissions, long revisions, SubjectSummary summary, int newEvents,
                        Instant lastEventAt) {

    public static Aggregate of(SubjectKey subject, Collection<Rating> ratings, SubjectSummary summary, int newEvents,
                               Instant lastEventAt) {
        return new Aggregate(subject, ratings.size(), ratings.stream().mapToLong(Rating::revision).sum(), summary,
                newEvents, lastEventAt);
    }
}
