package org.feedback360.notification.webhook.delivery;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.feedback360.notification.webhook.EventType;

import java.util.UUID;

/**
 * Queues an event for every active subscription of its tenant that asked for its type, inside
 * the consumer's transaction. A delivery row is unique per (event, subscription), so an event
 * consumed twice queues nothing twice; the body is fixed here, so every attempt sends the same bytes.
 */
@ApplicationScoped
public class WebhookQueue {

    public static final String SOURCE = "urn:feedback360:webhooks";

    /** Fired when a transaction queued deliveries; observed after it commits. */
    public record Queued() {
    }

    @Inject
    EntityManager em;
    @Inject
    Event<Queued> queued;

    /**
     * @param subject CloudEvent subject: the cycle id, or the subject's employee id for reports
     * @param time    when the event happened, as the producer stated it
     * @param data    what the receiver may see: never answers, never a rater of a response
     * @return the number of deliveries queued
     */
    public int enqueue(String tenant, UUID eventId, EventType type, String subject, String time, JsonObject data) {
        String payload = new JsonObject()
                .put("specversion", "1.0")
                .put("id", eventId.toString())
                .put("type", type.cloudEventType())
                .put("source", SOURCE)
                .put("subject", subject)
                .put("time", time)
                .put("datacontenttype", "application/json")
                .put("tenant", tenant)
                .put("data", data)
                .encode();
        int rows = em.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, tenant, event_id, event_type, payload)
                        SELECT gen_random_uuid(), s.id, s.tenant, ?1, ?2, ?3 FROM webhook_subscription s
                        WHERE s.tenant = ?4 AND s.status = 'ACTIVE' AND ?2 = ANY (s.event_types)
                        ON CONFLICT (event_id, subscription_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, type.wireName()).setParameter(3, payload)
                .setParameter(4, tenant)
                .executeUpdate();
        if (rows > 0) {
            queued.fire(new Queued());
        }
        return rows;
    }
}
