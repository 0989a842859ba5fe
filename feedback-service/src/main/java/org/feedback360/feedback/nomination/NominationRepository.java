package org.feedback360.feedback.nomination;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NominationRepository implements PanacheRepositoryBase<Nomination, UUID> {

    Optional<Nomination> findForUpdate(String tenant, UUID cycleId, UUID id) {
        return find("tenantId = ?1 and cycleId = ?2 and id = ?3", tenant, cycleId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    boolean exists(UUID cycleId, String subject, String peer) {
        return count("cycleId = ?1 and subjectEmployeeId = ?2 and peerEmployeeId = ?3", cycleId, subject, peer) > 0;
    }

    List<Nomination> ofCycle(String tenant, UUID cycleId) {
        return list("tenantId = ?1 and cycleId = ?2 order by nominatedAt", tenant, cycleId);
    }

    List<Nomination> ofSubjects(String tenant, UUID cycleId, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return list("tenantId = ?1 and cycleId = ?2 and subjectEmployeeId in ?3 order by nominatedAt",
                tenant, cycleId, subjects);
    }
}
