package org.feedback360.scoring.rebuild;

import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.rating.Rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh state gathered in memory from replayed events: each cycle in its latest state, and only the
 * latest rating of each rater (a revision replaces, a stale one is dropped: the same rules as the
 * stored state). Thread-safe, so several threads can feed it; the outcome does not depend on the order.
 */
public final class Replay {

    private final ConcurrentHashMap<CycleId, Cycle> cycles = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Rating.RaterId, Rating> latest = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SubjectKey, SubjectKey> subjects = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();

    /** A cycle announcement: kept unless a later state of the cycle is known. */
    public void cycle(Cycle cycle) {
        events.incrementAndGet();
        cycles.merge(cycle.id(), cycle, (kept, next) -> next.state().rank() >= kept.state().rank() ? next : kept);
    }

    /** A rating: kept unless the one known for its rater supersedes it. */
    public void rating(Rating rating) {
        events.incrementAndGet();
        // One key object per subject rather than one per event: a replay holds a million ratings.
        SubjectKey subject = subjects.computeIfAbsent(rating.subject(), k -> k);
        Rating kept = subject == rating.subject() ? rating : new Rating(subject, rating.raterKey(), rating.group(),
                rating.revision(), rating.eventId(), rating.answers(), rating.comments());
        latest.merge(kept.raterId(), kept, (stored, next) -> next.supersedes(stored) ? next : stored);
    }

    public long events() {
        return events.get();
    }

    public Map<CycleId, Cycle> cycles() {
        return Map.copyOf(cycles);
    }

    public int ratings() {
        return latest.size();
    }

    /** The latest ratings grouped by subject. */
    public Map<SubjectKey, List<Rating>> bySubject() {
        Map<SubjectKey, List<Rating>> grouped = new HashMap<>();
        for (Rating r : latest.values()) {
            grouped.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r);
        }
        return grouped;
    }
}
