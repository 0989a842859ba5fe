package org.feedback360.scoring.cycle;

import org.feedback360.scoring.engine.ReportCalculator;
import org.feedback360.scoring.engine.ScoringPolicy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A cycle as the feedback service last announced it: the whole cycle after its latest
 * transition, with its instrument, its subjects and its anonymity policy.
 *
 * @param completion null until the cycle closes
 * @param roster     the subjects indexed by employee id (derived: use the constructor without it)
 */
public record Cycle(String tenant, UUID cycleId, String name, CycleState state, String instrumentKey,
                    int instrumentVersion, InstrumentDefinition definition, List<Person> subjects,
                    int anonymityThreshold, boolean managerVisible, Completion completion,
                    Instant openedAt, Instant closedAt, Instant releasedAt, Roster roster) {

    public Cycle(String tenant, UUID cycleId, String name, CycleState state, String instrumentKey,
                 int instrumentVersion, InstrumentDefinition definition, List<Person> subjects,
                 int anonymityThreshold, boolean managerVisible, Completion completion,
                 Instant openedAt, Instant closedAt, Instant releasedAt) {
        this(tenant, cycleId, name, state, instrumentKey, instrumentVersion, definition,
                subjects == null ? List.of() : List.copyOf(subjects), anonymityThreshold, managerVisible, completion,
                openedAt, closedAt, releasedAt, Roster.of(subjects, completion));
    }

    /**
     * Who the cycle reviews, looked up by id: a cycle may review thousands, and every subject's
     * scoring asks whether it is one of them.
     */
    public record Roster(Map<String, Person> people, Set<String> subjectIds) {
        static Roster of(List<Person> subjects, Completion completion) {
            Map<String, Person> people = new LinkedHashMap<>();
            if (subjects != null) {
                subjects.forEach(p -> people.putIfAbsent(p.employeeId(), p));
            }
            Set<String> ids = new LinkedHashSet<>(people.keySet());
            if (completion != null) {
                ids.addAll(completion.bySubject().keySet());
            }
            return new Roster(Collections.unmodifiableMap(people), Collections.unmodifiableSet(ids));
        }
    }

    public CycleId id() {
        return new CycleId(tenant, cycleId);
    }

    public boolean isReleased() {
        return state == CycleState.RELEASED;
    }

    /**
     * The cycle's policy: k is its anonymity threshold (never below 2, SCORING.md), the manager is
     * anonymous unless the cycle makes them visible; the other thresholds keep SCORING.md's defaults.
     */
    public ScoringPolicy policy() {
        return ScoringPolicy.DEFAULT
                .withK(Math.max(ScoringPolicy.MIN_K, anonymityThreshold))
                .withManagerAnonymous(!managerVisible);
    }

    /** The engine for this cycle's instrument and policy: build it once per cycle, not per subject. */
    public ReportCalculator calculator() {
        return new ReportCalculator(definition.model(), policy());
    }

    /**
     * Whether the employee may read the subject's report as their manager: only in a
     * self-versus-manager review (followership), where the manager's view is the comparison.
     */
    public boolean isManagerReader(String subjectId, String employeeId) {
        return definition.model().comparesSelfWithManager()
                && subject(subjectId).map(p -> employeeId.equals(p.managerEmployeeId())).orElse(false);
    }

    public Optional<Person> subject(String employeeId) {
        return Optional.ofNullable(roster.people().get(employeeId));
    }

    /** Everyone the cycle reviews: its subjects and anyone its completion counts name. */
    public Set<String> subjectIds() {
        return roster.subjectIds();
    }

    /** How many submissions about the subject the feedback service counted when it closed or released the cycle. */
    public long expectedSubmissions(String subjectId) {
        return completion == null ? 0 : completion.submittedAbout(subjectId);
    }

    /** The sum of their latest revision numbers, when the completion carries it (else 0: no condition). */
    public long expectedRevisions(String subjectId) {
        return completion == null ? 0 : completion.revisionsAbout(subjectId);
    }
}
