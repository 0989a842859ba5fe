package org.feedback360.notification.webhook.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.WebhookConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the delivery log to {@code notification.webhooks.log-retention}: finished deliveries
 * (with their attempts) older than that are deleted, in small batches so no long lock is held.
 */
@ApplicationScoped
public class DeliveryLogRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryLogRetention.class);
    private static final int BATCH = 1000;

    @Inject
    EntityManager em;
    @Inject
    WebhookConfig config;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long deleted = 0;
        int batch;
        do {
            batch = purgeBatch();
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            LOG.infof("Deleted %d webhook deliveries finished more than %s ago", deleted, config.logRetention());
        }
    }

    /** Deletes up to one batch of expired log entries; returns how many. */
    @Transactional
    public int purgeBatch() {
        return em.createNativeQuery("""
                        DELETE FROM webhook_delivery WHERE id IN (
                            SELECT id FROM webhook_delivery
                            WHERE status IN ('DELIVERED', 'DEAD_LETTERED') AND completed_at < now() - make_interval(secs => ?1)
                            LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, (double) config.logRetention().toSeconds()).setParameter(2, BATCH)
                .executeUpdate();
    }
}
