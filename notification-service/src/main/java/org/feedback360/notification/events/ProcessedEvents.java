package org.feedback360.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Records an event id in the caller's transaction; false when it had been applied already. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    public boolean markProcessed(UUID eventId, String topic) {
        return em.createNativeQuery("""
                        INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, topic).executeUpdate() == 1;
    }
}
