package org.feedback360.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauge {@code notification.queue.depth{queue=mail|webhook|scheduled_message}}: rows waiting to be sent
 * (due or not). Counted on a schedule, so a scrape never runs a query.
 */
@ApplicationScoped
public class QueueDepths {

    private static final Map<String, String> QUERIES = Map.of(
            "mail", "SELECT count(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')",
            "webhook", "SELECT count(*) FROM webhook_delivery WHERE status IN ('PENDING', 'SENDING')",
            "scheduled_message", "SELECT count(*) FROM scheduled_message WHERE status = 'PENDING'");

    @Inject
    EntityManager em;

    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    @Inject
    QueueDepths(MeterRegistry registry) {
        QUERIES.keySet().forEach(queue -> Gauge.builder("notification.queue.depth",
                        depths.computeIfAbsent(queue, q -> new AtomicLong()), AtomicLong::get)
                .description("Notifications waiting to be sent, per queue").tag("queue", queue).register(registry));
    }

    @Scheduled(every = "${notification.queue-depth.poll:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void measure() {
        QUERIES.forEach((queue, sql) -> depths.get(queue)
                .set(((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
    }
}
