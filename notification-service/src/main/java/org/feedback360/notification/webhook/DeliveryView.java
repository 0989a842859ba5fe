package org.feedback360.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.feedback360.notification.webhook.delivery.WebhookAttempt;
import org.feedback360.notification.webhook.delivery.WebhookDelivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a subscription's delivery log.
 *
 * @param nextAttemptAt when a PENDING delivery is tried next (null once it is final)
 * @param retryUntil    after this a failing delivery is dead-lettered
 */
public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts,
                           Integer lastStatusCode, Integer lastLatencyMs, String lastError,
                           OffsetDateTime createdAt, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt,
                           OffsetDateTime retryUntil, OffsetDateTime completedAt) {

    static DeliveryView of(WebhookDelivery d) {
        boolean waiting = d.status == WebhookDelivery.Status.PENDING;
        return new DeliveryView(d.id, d.eventId, d.eventType, d.status.name(), d.attempts, d.lastStatus,
                d.lastLatencyMs, d.lastError, d.createdAt, d.lastAttemptAt, waiting ? d.nextAttemptAt : null,
                d.retryUntil, d.completedAt);
    }

    public record Page(List<DeliveryView> items, int page, int size, long total) {
    }

    /** One delivery with every attempt and the exact event that is sent. */
    public record Detail(DeliveryView delivery, List<Attempt> attempts, JsonNode event) {
    }

    public record Attempt(int attempt, OffsetDateTime startedAt, Integer statusCode, int latencyMs, String error) {

        static Attempt of(WebhookAttempt a) {
            return new Attempt(a.attempt, a.startedAt, a.statusCode, a.latencyMs, a.error);
        }
    }
}
