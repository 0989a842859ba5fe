package org.feedback360.feedback.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key}s a rater has used for submissions, with the request they
 * came with and the answer given. Scoped to the rater: keys of different people never clash.
 */
@ApplicationScoped
public class SubmissionKeys {

    @Inject
    EntityManager em;

    public record Stored(String requestHash, UUID assignmentId, int status, String result) {
    }

    Optional<Stored> find(String tenant, String rater, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT request_hash, assignment_id, status, CAST(result AS text) FROM submission_key "
                                + "WHERE tenant_id = ?1 AND rater_employee_id = ?2 AND idempotency_key = ?3")
                .setParameter(1, tenant)
                .setParameter(2, rater)
                .setParameter(3, key)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3]));
    }

    /**
     * @return false if the key was taken meanwhile by a concurrent request of the same rater
     * (for another assignment: the same assignment is serialised by its row lock)
     */
    boolean store(String tenant, String rater, String key, Stored stored, Instant now) {
        return em.createNativeQuery(
                        "INSERT INTO submission_key (tenant_id, rater_employee_id, idempotency_key, request_hash, "
                                + "assignment_id, status, result, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter(1, tenant)
                .setParameter(2, rater)
                .setParameter(3, key)
                .setParameter(4, stored.requestHash())
                .setParameter(5, stored.assignmentId())
                .setParameter(6, stored.status())
                .setParameter(7, stored.result())
                .setParameter(8, now)
                .executeUpdate() == 1;
    }
}
