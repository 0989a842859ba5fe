package org.feedback360.feedback.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.feedback360.feedback.instrument.RaterGroup;

import java.time.Instant;
import java.util.UUID;

/** One rater asked to rate one subject in one cycle, in one group. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    public UUID cycleId;

    @Column(name = "subject_employee_id", nullable = false, updatable = false)
    public String subjectEmployeeId;

    @Column(name = "rater_employee_id", nullable = false, updatable = false)
    public String raterEmployeeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rater_group", nullable = false, updatable = false)
    public RaterGroup raterGroup;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Set when the rater left before answering; a cancelled assignment is nobody's to-do any more. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    protected Assignment() {
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    static Assignment of(String tenantId, UUID cycleId, AssignmentPlanner.Planned p, Instant now) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.tenantId = tenantId;
        a.cycleId = cycleId;
        a.subjectEmployeeId = p.subject();
        a.raterEmployeeId = p.rater();
        a.raterGroup = p.group();
        a.createdAt = now;
        return a;
    }
}
