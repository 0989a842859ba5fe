package org.feedback360.feedback.people.provisioning;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands pending {@link ProvisioningTask}s to the deployed {@link IdentityProvisioner}, in
 * creation order per person. Without a provisioner bean, tasks simply stay pending. Each
 * task is a call to the identity provider inside the claiming transaction, so the batch is
 * kept small.
 */
@ApplicationScoped
public class ProvisioningRelay {

    private static final Logger LOG = Logger.getLogger(ProvisioningRelay.class);
    private static final int BATCH = 50;
    private static final Duration RUN_BUDGET = Duration.ofSeconds(8);

    @Inject
    Instance<IdentityProvisioner> provisioner;

    @Inject
    ProvisioningTaskRepository tasks;

    /**
     * Whether a person's first task looks them up too. Off, a first task creates the user straight
     * away, and only a user under the same e-mail (a 409) is found and updated: right as long as
     * every user of the realm's tenants was made from this database.
     */
    @ConfigProperty(name = "feedback.provisioning.search-first", defaultValue = "false")
    boolean searchFirst;

    void announce(@Observes StartupEvent ignored) {
        if (provisioner.isUnsatisfied()) {
            LOG.warn("No IdentityProvisioner is deployed: directory changes are queued in "
                    + "provisioning_task and will be provisioned once one is");
        }
    }

    @Scheduled(every = "${feedback.provisioning.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        // A bulk import queues thousands of tasks: keep claiming batches (one transaction each, so
        // a Keycloak outage rolls back little) while they come full, for most of one interval.
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        while (drain(null) == BATCH && System.nanoTime() < deadline) {
            // next batch
        }
    }

    /**
     * @param tenant only this tenant's tasks, or all when null (tests provision only what they made)
     * @return how many tasks were claimed
     */
    @Transactional
    int drain(String tenant) {
        if (!provisioner.isResolvable()) {
            return 0;
        }
        List<ProvisioningTask> pending = tasks.claimPending(BATCH, tenant);
        // A failed task holds back later tasks of the same person, so changes never overtake.
        Set<String> blocked = new HashSet<>();
        for (ProvisioningTask task : pending) {
            String person = task.tenantId + "/" + task.employeeId;
            if (blocked.contains(person)) {
                continue;
            }
            try {
                provisioner.get().apply(task, !searchFirst && !tasks.hasEarlier(task));
                task.done(Instant.now());
            } catch (ProvisioningRejected e) {
                // Final: the same data would be refused again. The reason stays on the task.
                LOG.warnf("Provisioning %s of %s rejected: %s", task.action, person, e.getMessage());
                task.rejected(e.getMessage(), Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf("Provisioning %s of %s failed (attempt %d): %s",
                        task.action, person, task.attempts + 1, e.getMessage());
                task.failed(e.getMessage());
                blocked.add(person);
            }
        }
        return pending.size();
    }
}
