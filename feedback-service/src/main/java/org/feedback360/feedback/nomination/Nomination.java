package org.feedback360.feedback.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A peer a subject asked to rate them; becomes a PEER assignment once their manager approves. */
@Entity
@Table(name = "nomination")
public class Nomination {

    public enum State { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    public UUID cycleId;

    @Column(name = "subject_employee_id", nullable = false, updatable = false)
    public String subjectEmployeeId;

    @Column(name = "peer_employee_id", nullable = false, updatable = false)
    public String peerEmployeeId;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "nominated_at", nullable = false, updatable = false)
    public Instant nominatedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Version
    public long version;

    protected Nomination() {
    }

    static Nomination of(String tenantId, UUID cycleId, String subject, String peer, Instant now) {
        Nomination n = new Nomination();
        n.id = UUID.randomUUID();
        n.tenantId = tenantId;
        n.cycleId = cycleId;
        n.subjectEmployeeId = subject;
        n.peerEmployeeId = peer;
        n.state = State.PENDING;
        n.nominatedAt = now;
        return n;
    }

    void approve(String manager, UUID assignmentId, Instant now) {
        decide(State.APPROVED, manager, now);
        this.assignmentId = assignmentId;
    }

    void reject(String manager, Instant now) {
        decide(State.REJECTED, manager, now);
    }

    private void decide(State to, String manager, Instant now) {
        state = to;
        decidedBy = manager;
        decidedAt = now;
    }
}
