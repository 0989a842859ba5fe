package org.feedback360.support.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published; {@code payload} is the complete CloudEvents JSON. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    protected OutboxEvent() {
    }

    static OutboxEvent of(UUID id, String tenantId, String topic, String key, String type, String payload, Instant now) {
        OutboxEvent e = new OutboxEvent();
        e.id = id;
        e.tenantId = tenantId;
        e.topic = topic;
        e.messageKey = key;
        e.eventType = type;
        e.payload = payload;
        e.createdAt = now;
        return e;
    }
}
