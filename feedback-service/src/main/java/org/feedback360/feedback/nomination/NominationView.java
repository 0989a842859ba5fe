package org.feedback360.feedback.nomination;

import java.time.Instant;
import java.util.UUID;

public record NominationView(UUID id, UUID cycleId, String subjectEmployeeId, String peerEmployeeId,
                             String peerName, Nomination.State state, Instant nominatedAt, String decidedBy,
                             Instant decidedAt, UUID assignmentId) {

    static NominationView of(Nomination n, String peerName) {
        return new NominationView(n.id, n.cycleId, n.subjectEmployeeId, n.peerEmployeeId, peerName, n.state,
                n.nominatedAt, n.decidedBy, n.decidedAt, n.assignmentId);
    }
}
