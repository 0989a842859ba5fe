package org.feedback360.notification.webhook.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event for one subscription: the unit the worker sends, retries and dead-letters. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status { PENDING, SENDING, DELIVERED, DEAD_LETTERED }

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    public String tenant;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    /** Attempts made before the latest redelivery: the backoff counts retries from there. */
    @Column(name = "backoff_base")
    public int backoffBase;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "retry_until")
    public OffsetDateTime retryUntil;
    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_latency_ms")
    public Integer lastLatencyMs;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
}
