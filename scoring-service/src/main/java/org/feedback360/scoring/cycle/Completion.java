package org.feedback360.scoring.cycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Assignments and submissions, in total and per subject, as CycleClosed and CycleReleased carry
 * them. {@code bySubject[s].submitted} is how many submissions about s the scoring service must
 * have stored before it freezes s's report: the responses topic may lag behind the cycles topic.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Completion(long assignments, long submitted, Map<String, Counts> bySubject) {

    public Completion {
        bySubject = bySubject == null ? Map.of() : Map.copyOf(bySubject);
    }

    /**
     * @param revisions the sum of the latest revision numbers of the submitted responses (feedback-service
     *                  writes it; null in events written before it did). A report is frozen only once the
     *                  latest revisions are stored too: a count alone cannot tell a revision still on its way.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counts(long assignments, long submitted, Long revisions) {
    }

    /** Submissions about the subject the feedback service counted; 0 when it names none. */
    public long submittedAbout(String subjectId) {
        Counts counts = bySubject.get(subjectId);
        return counts == null ? 0 : counts.submitted();
    }

    /** The sum of the latest revisions of those submissions, or 0 when the completion does not carry it. */
    public long revisionsAbout(String subjectId) {
        Counts counts = bySubject.get(subjectId);
        return counts == null || counts.revisions() == null ? 0 : counts.revisions();
    }
}
