package org.feedback360.scoring.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.CycleStore;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.ReportCalculator;
import org.feedback360.scoring.rating.Rating;
import org.feedback360.scoring.rating.RatingStore;
import org.feedback360.scoring.report.FrozenReport;
import org.feedback360.scoring.report.ReportFreezer;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recomputes subjects' aggregates from their stored ratings, in the caller's transaction, and
 * freezes the reports of released subjects whose ratings are complete.
 */
@ApplicationScoped
public class AggregateService {

    private static final Logger LOG = Logger.getLogger(AggregateService.class);

    /**
     * Subjects recomputed at a time. A cycle event recomputes every subject of the cycle, and a
     * release also builds each one's report: 2,000 subjects' ratings and reports at once ran a
     * 256 MB heap out of memory. Chunks share the caller's transaction, so the event still takes
     * effect whole or not at all.
     */
    public static final int CHUNK = 200;

    @Inject
    CycleStore cycles;
    @Inject
    RatingStore ratings;
    @Inject
    AggregateStore aggregates;
    @Inject
    ReportFreezer freezer;

    /** ResponseSubmitted events applied to a subject in one transaction. */
    public record Applied(int events, Instant lastEventAt) {
        static final Applied NONE = new Applied(0, null);

        public Applied plus(Instant time) {
            return new Applied(events + 1, lastEventAt == null || time != null && time.isAfter(lastEventAt) ? time : lastEventAt);
        }
    }

    /**
     * @param applied the new responses per subject (subjects recomputed for a cycle event have none)
     */
    public void refresh(Connection c, Collection<SubjectKey> subjects, Map<SubjectKey, Applied> applied)
            throws SQLException {
        List<SubjectKey> ordered = List.copyOf(new TreeSet<>(subjects));
        for (int from = 0; from < ordered.size(); from += CHUNK) {
            refreshChunk(c, ordered.subList(from, Math.min(from + CHUNK, ordered.size())), applied);
        }
    }

    private void refreshChunk(Connection c, List<SubjectKey> subjects, Map<SubjectKey, Applied> applied)
            throws SQLException {
        Map<CycleId, Cycle> known = cycles.find(c, subjects.stream().map(SubjectKey::cycle).distinct().toList());
        Map<SubjectKey, List<Rating>> stored = ratings.load(c, subjects);
        Set<SubjectKey> frozen = freezer.frozen(c, subjects.stream()
                .filter(s -> known.containsKey(s.cycle()) && known.get(s.cycle()).isReleased()).toList());
        Map<CycleId, ReportCalculator> calculators = new HashMap<>();
        List<AggregateStore.Row> rows = new ArrayList<>(subjects.size());
        List<FrozenReport> toFreeze = new ArrayList<>();
        Instant now = Instant.now();
        for (SubjectKey subject : subjects) {
            List<Rating> subjectRatings = stored.getOrDefault(subject, List.of());
            Applied events = applied.getOrDefault(subject, Applied.NONE);
            Cycle cycle = known.get(subject.cycle());
            if (cycle == null) {
                // Responses may overtake CycleOpened (another topic): keep them, score once the cycle is known.
                rows.add(aggregates.row(Aggregate.of(subject, subjectRatings, null, events.events(), events.lastEventAt())));
                continue;
            }
            ReportCalculator calculator = calculators.computeIfAbsent(cycle.id(), id -> cycle.calculator());
            boolean freezeNow = !frozen.contains(subject) && ReportFreezer.isReady(cycle, subject.subjectId(),
                    subjectRatings.size(), subjectRatings.stream().mapToLong(Rating::revision).sum());
            SubjectScoring.Scored scored = freezeNow
                    ? SubjectScoring.report(calculator, subject.subjectId(), subjectRatings)
                    : SubjectScoring.summary(calculator, subject.subjectId(), subjectRatings);
            if (!scored.rejected().isEmpty()) {
                LOG.warnf("Ratings of %s left out of the figures: %s", subject, scored.rejected());
            }
            rows.add(aggregates.row(Aggregate.of(subject, subjectRatings, scored.summary(), events.events(),
                    events.lastEventAt())));
            if (freezeNow) {
                toFreeze.add(new FrozenReport(subject, scored.report(), subjectRatings.size(),
                        cycle.releasedAt() == null ? now : cycle.releasedAt(), now));
            } else if (frozen.contains(subject) && events.events() > 0) {
                freezer.arrivedAfterFreeze(c, subject, scored.summary(), events.events());
            }
        }
        aggregates.save(c, rows);
        freezer.freeze(c, known, toFreeze);
    }
}
