package org.feedback360.scoring.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.scoring.aggregate.AggregateService;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.CycleLocks;
import org.feedback360.scoring.cycle.CycleStore;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.rating.RatingStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies events to the stored state. Each call is one transaction holding the events' effects
 * and their ids, so a redelivery or a restart never counts an event twice; a batch of responses
 * is one transaction, not one per event.
 */
@ApplicationScoped
public class EventApplier {

    public static final String RESPONSES_TOPIC = "feedback.responses";
    public static final String CYCLES_TOPIC = "feedback.cycles";

    @Inject
    DataSource dataSource;
    @Inject
    ProcessedEvents processed;
    @Inject
    CycleLocks locks;
    @Inject
    CycleStore cycles;
    @Inject
    RatingStore ratings;
    @Inject
    AggregateService aggregates;

    /**
     * Stores the responses not applied before and recomputes their subjects.
     *
     * @return the responses applied now (redelivered ones are left out)
     */
    @Transactional
    public List<ResponseEvent> applyResponses(List<ResponseEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            locks.lock(c, events.stream().map(e -> e.subject().cycle()).toList());
            Set<UUID> fresh = processed.markProcessed(c, events.stream().map(ResponseEvent::id).toList(),
                    RESPONSES_TOPIC);
            List<ResponseEvent> applied = new ArrayList<>();
            Map<SubjectKey, AggregateService.Applied> bySubject = new HashMap<>();
            for (ResponseEvent e : events) {
                if (fresh.remove(e.id())) { // remove: an id twice in one batch counts once
                    applied.add(e);
                    bySubject.merge(e.subject(), new AggregateService.Applied(1, e.time()),
                            (a, b) -> a.plus(b.lastEventAt()));
                }
            }
            ratings.save(c, applied.stream().map(ResponseEvent::rating).toList());
            aggregates.refresh(c, bySubject.keySet(), bySubject);
            return applied;
        }
    }

    /**
     * Stores the cycle unless a later state is stored already, then recomputes its subjects: those
     * whose responses arrived before the cycle was known, and on release freezes the complete ones.
     *
     * @return whether the event was applied (false for a redelivery or a stale state)
     */
    @Transactional
    public boolean applyCycle(CycleEvent event) throws SQLException {
        Cycle cycle = event.toCycle();
        CycleId id = cycle.id();
        try (Connection c = dataSource.getConnection()) {
            locks.lock(c, List.of(id));
            if (processed.markProcessed(c, List.of(event.id()), CYCLES_TOPIC).isEmpty() || !cycles.save(c, cycle)) {
                return false;
            }
            Set<String> subjects = new LinkedHashSet<>(cycle.subjectIds());
            subjects.addAll(ratings.subjectsWithRatings(c, id));
            aggregates.refresh(c, subjects.stream().map(s -> SubjectKey.of(id, s)).toList(), Map.of());
            return true;
        }
    }
}
