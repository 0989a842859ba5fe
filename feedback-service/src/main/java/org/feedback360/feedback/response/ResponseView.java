package org.feedback360.feedback.response;

import org.feedback360.feedback.cycle.CycleState;
import org.feedback360.feedback.instrument.RaterGroup;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A rater's own response to one assignment: their draft (if any) and their latest
 * submission (if any). Only ever shown to the rater themselves.
 *
 * @param editable whether the cycle still takes drafts and submissions (it is OPEN)
 */
public record ResponseView(UUID assignmentId, UUID cycleId, String subjectEmployeeId, RaterGroup group,
                           String instrumentKey, int instrumentVersion, CycleState cycleState, boolean editable,
                           Draft draft, Submission submitted) {

    public record Draft(Map<String, Integer> answers, Map<String, String> comments, Instant savedAt) {
    }

    /** Also the answer to a submission, and what an idempotent retry answers again. */
    public record Submission(UUID assignmentId, int revision, Instant submittedAt, Map<String, Integer> answers,
                             Map<String, String> comments) {
    }
}
