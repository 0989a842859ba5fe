package org.feedback360.feedback.response;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<RaterResponse, UUID> {

    public Optional<RaterResponse> findOf(String tenant, UUID assignmentId) {
        return find("tenantId = ?1 and assignmentId = ?2", tenant, assignmentId).firstResultOptional();
    }

    /**
     * The assignment's response row, created if missing and locked for this transaction:
     * two submissions of one rater (a double tap, a retry racing the original) run one
     * after the other, so revisions count up without gaps and idempotency keys are checked
     * against committed state.
     */
    RaterResponse lockOrCreate(String tenant, UUID cycleId, UUID assignmentId, Instant now) {
        getEntityManager().createNativeQuery(
                        "INSERT INTO response (assignment_id, tenant_id, cycle_id, revision, created_at, version) "
                                + "VALUES (?1, ?2, ?3, 0, ?4, 0) ON CONFLICT (assignment_id) DO NOTHING")
                .setParameter(1, assignmentId)
                .setParameter(2, tenant)
                .setParameter(3, cycleId)
                .setParameter(4, now)
                .executeUpdate();
        return find("tenantId = ?1 and assignmentId = ?2", tenant, assignmentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
