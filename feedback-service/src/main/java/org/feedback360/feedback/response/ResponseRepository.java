package org.feedback360.feedback.response;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<RaterResponse, UUID> {

    /**
     * Per subject, the sum of the latest revision numbers of the responses submitted about them: a
     * consumer that has stored each rater's latest revision reaches exactly this sum, so it can tell a
     * revision still on its way from one that has arrived (a count of submissions cannot).
     */
    public Map<String, Long> revisionsBySubject(String tenant, UUID cycleId) {
        Map<String, Long> sums = new LinkedHashMap<>();
        getEntityManager().createQuery("select a.subjectEmployeeId, sum(r.revision) from RaterResponse r, Assignment a "
                        + "where a.id = r.assignmentId and r.tenantId = :tenant and r.cycleId = :cycle and r.revision > 0 "
                        + "group by a.subjectEmployeeId", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("cycle", cycleId)
                .getResultList()
                .forEach(row -> sums.put((String) row[0], ((Number) row[1]).longValue()));
        return sums;
    }

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
