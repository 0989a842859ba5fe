package org.feedback360.scoring.rating;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reducing ratings to the latest of each rater, as the stored ratings keep them. */
public final class Ratings {
    private Ratings() {
    }

    /** The rating that supersedes all others of its rater, per rater, in first-seen order. */
    public static List<Rating> latest(Collection<Rating> ratings) {
        Map<Rating.RaterId, Rating> latest = new LinkedHashMap<>();
        for (Rating r : ratings) {
            latest.merge(r.raterId(), r, (kept, next) -> next.supersedes(kept) ? next : kept);
        }
        return List.copyOf(latest.values());
    }
}
