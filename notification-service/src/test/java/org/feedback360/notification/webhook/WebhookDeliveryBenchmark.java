package org.feedback360.notification.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.feedback360.notification.Db;
import org.feedback360.notification.NotificationTestResources;
import org.feedback360.notification.TestEvents;
import org.feedback360.notification.webhook.delivery.WebhookQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.feedback360.notification.Mailbox.await;

/**
 * Prints how fast a burst of queued webhook deliveries reaches loopback receivers that answer at
 * once: deliveries per second, and the time from the burst being queued to each arrival. Not part of the test suite (no
 * assertion on speed); run it with {@code mvn -o -pl notification-service test -Dtest=WebhookDeliveryBenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class WebhookDeliveryBenchmark {

    @Inject
    WebhookQueue queue;
    @Inject
    WebhookConfig config;

    @Test
    void deliveryThroughputAndLatency() {
        System.out.printf("%nwebhook delivery (in flight per subscription %d, per instance %d, poll %s)%n",
                config.maxInFlightPerSubscription(), config.maxInFlight(), config.poll());
        System.out.printf("%-14s %-11s %-9s %-10s %-9s %-9s %-9s%n",
                "subscriptions", "deliveries", "seconds", "per second", "p50 ms", "p95 ms", "max ms");
        for (int subscriptions : new int[] {1, 4, 16}) {
            run(subscriptions, 400);
        }
    }

    private void run(int subscriptions, int events) {
        try (Receiver receiver = Receiver.start("127.0.0.1")) {
            String tenant = TestEvents.cycle().tenant();
            for (int i = 0; i < subscriptions; i++) {
                WebhookDeliveryTest.subscribe(receiver, tenant, "/s" + i, "cycle.closed");
            }
            Instant start = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < events; i++) {
                    queue.enqueue(tenant, UUID.randomUUID(), EventType.CYCLE_CLOSED, "c", start.toString(),
                            new JsonObject().put("n", i));
                }
            });
            int total = subscriptions * events;
            await("all delivered", () -> Db.count("SELECT count(*) FROM webhook_delivery WHERE tenant = ?1 "
                    + "AND status = 'DELIVERED'", tenant) == total);
            Duration took = Duration.between(start, Instant.now());

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                receiver.requests("/s" + i).forEach(r -> latencies.add(Duration.between(start, r.at()).toMillis()));
            }
            Collections.sort(latencies);
            System.out.printf("%-14d %-11d %-9.2f %-10.0f %-9d %-9d %-9d%n", subscriptions, total,
                    took.toMillis() / 1000.0, total * 1000.0 / took.toMillis(), percentile(latencies, 50),
                    percentile(latencies, 95), latencies.get(latencies.size() - 1));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
