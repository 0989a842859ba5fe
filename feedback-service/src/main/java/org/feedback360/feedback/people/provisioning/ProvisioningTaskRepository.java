package org.feedback360.feedback.people.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProvisioningTaskRepository implements PanacheRepositoryBase<ProvisioningTask, UUID> {

    /** Oldest pending tasks; locked rows are skipped so several replicas can drain in parallel. */
    @SuppressWarnings("unchecked")
    List<ProvisioningTask> claimPending(int limit, String tenant) {
        return getEntityManager().createNativeQuery(
                        "SELECT * FROM provisioning_task WHERE done_at IS NULL AND (CAST(?2 AS text) IS NULL OR tenant_id = ?2) "
                                + "ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED", ProvisioningTask.class)
                .setParameter(1, limit)
                .setParameter(2, tenant)
                .getResultList();
    }

    boolean hasEarlier(ProvisioningTask task) {
        return count("tenantId = ?1 and employeeId = ?2 and createdAt < ?3", task.tenantId, task.employeeId,
                task.createdAt) > 0;
    }

    public List<ProvisioningTask> forPerson(String tenant, String employeeId) {
        return list("tenantId = ?1 and employeeId = ?2 order by createdAt", tenant, employeeId);
    }
}
