package org.feedback360.feedback.assignment;

import org.feedback360.feedback.cycle.CycleState;
import org.feedback360.feedback.instrument.RaterGroup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How far a cycle has come: counts of assignments and submissions per subject and rater
 * group. Counts only, never answers: HR may watch a cycle fill up, not what it says
 * (SCORING.md, Anonymity rule 5).
 */
public record CycleProgress(UUID cycleId, CycleState state, long assignments, long submitted,
                            List<Subject> subjects) {

    public record Subject(String employeeId, String name, long assignments, long submitted,
                          Map<RaterGroup, Counts> groups) {
    }

    public record Counts(long assignments, long submitted) {
    }
}
