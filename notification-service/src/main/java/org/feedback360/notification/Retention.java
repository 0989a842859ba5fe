package org.feedback360.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.feedback360.notification.webhook.WebhookConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the tables that grow with traffic to their retention, every hour, in small batches so no
 * long lock is held: finished webhook deliveries (with their attempts) after
 * {@code notification.webhooks.log-retention}, applied event ids after
 * {@code notification.retention.processed-events} and a day, inbox items after
 * {@code notification.retention.inbox}. An applied event id may go because an event that old is
 * refused on arrival (see {@code EventConsumer}); the extra day covers a producer whose clock runs
 * ahead of this service's.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final int BATCH = 1000;
    static final Duration CLOCK_SKEW = Duration.ofDays(1);

    /** One table's purge: deletes up to ?2 rows whose age exceeds ?1 seconds. */
    private record Purge(String what, Supplier<Duration> keep, String sql) {
    }

    @Inject
    EntityManager em;

    private final List<Purge> purges;

    @Inject
    Retention(WebhookConfig webhooks, RetentionConfig retention) {
        purges = List.of(
                new Purge("finished webhook deliveries", webhooks::logRetention, """
                        DELETE FROM webhook_delivery WHERE id IN (
                            SELECT id FROM webhook_delivery
                            WHERE status IN ('DELIVERED', 'DEAD_LETTERED') AND completed_at < now() - make_interval(secs => ?1)
                            LIMIT ?2 FOR UPDATE SKIP LOCKED)"""),
                new Purge("applied event ids", () -> retention.processedEvents().plus(CLOCK_SKEW), """
                        DELETE FROM processed_event WHERE event_id IN (
                            SELECT event_id FROM processed_event WHERE processed_at < now() - make_interval(secs => ?1)
                            LIMIT ?2 FOR UPDATE SKIP LOCKED)"""),
                new Purge("inbox items", retention::inbox, """
                        DELETE FROM inbox_item WHERE id IN (
                            SELECT id FROM inbox_item WHERE created_at < now() - make_interval(secs => ?1)
                            LIMIT ?2 FOR UPDATE SKIP LOCKED)"""));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        purgeAll();
    }

    /** Deletes everything past its retention; returns how many rows went, by what they were. */
    public Map<String, Long> purgeAll() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Purge purge : purges) {
            long total = 0;
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(purge.sql())
                        .setParameter(1, (double) purge.keep().get().toSeconds()).setParameter(2, BATCH)
                        .executeUpdate());
                total += batch;
            } while (batch == BATCH);
            if (total > 0) {
                LOG.infof("Deleted %d %s older than %s", total, purge.what(), purge.keep().get());
            }
            deleted.put(purge.what(), total);
        }
        return deleted;
    }
}
