package org.feedback360.feedback.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * The answers of one assignment: the rater's working draft and, apart from it, what they
 * last submitted. Answers and comments are stored as the JSON objects of the API.
 */
@Entity
@Table(name = "response")
public class RaterResponse {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    public UUID cycleId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "draft_answers")
    public String draftAnswers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "draft_comments")
    public String draftComments;

    @Column(name = "draft_saved_at")
    public Instant draftSavedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "submitted_answers")
    public String submittedAnswers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "submitted_comments")
    public String submittedComments;

    /** 0 until the first submission; every submission (a revision) adds one. */
    public int revision;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    protected RaterResponse() {
    }

    static RaterResponse start(String tenantId, UUID cycleId, UUID assignmentId, Instant now) {
        RaterResponse r = new RaterResponse();
        r.assignmentId = assignmentId;
        r.tenantId = tenantId;
        r.cycleId = cycleId;
        r.createdAt = now;
        return r;
    }

    void saveDraft(String answers, String comments, Instant now) {
        draftAnswers = answers;
        draftComments = comments;
        draftSavedAt = now;
    }

    /** Replaces the earlier submission; the draft is used up (the submission is the new starting point). */
    int submit(String answers, String comments, Instant now) {
        submittedAnswers = answers;
        submittedComments = comments;
        submittedAt = now;
        draftAnswers = null;
        draftComments = null;
        draftSavedAt = null;
        return ++revision;
    }

    boolean isSubmitted() {
        return revision > 0;
    }
}
