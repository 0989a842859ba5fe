package org.feedback360.notification.events;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Queues one notification on both channels (inbox and mail) inside the caller's transaction.
 * The dedup key (event id, recipient, channel) is unique, so a second delivery of the same
 * event inserts nothing.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    EntityManager em;

    public record Recipient(String tenant, String employeeId, String email, String locale) {
    }

    public void notify(UUID eventId, Recipient to, String kind, String title, String body, String link,
                       String template, JsonObject model) {
        String recipientKey = eventId + "|" + to.tenant() + "/" + to.employeeId();
        em.createNativeQuery("""
                        INSERT INTO inbox_item (id, tenant, employee_id, kind, title, body, link, dedup_key)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (dedup_key) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, to.tenant()).setParameter(3, to.employeeId())
                .setParameter(4, kind).setParameter(5, title).setParameter(6, body).setParameter(7, link)
                .setParameter(8, recipientKey + "|INBOX")
                .executeUpdate();
        if (to.email() != null && !to.email().isBlank()) {
            em.createNativeQuery("""
                            INSERT INTO mail_outbox (id, recipient, locale, template, model, dedup_key)
                            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6) ON CONFLICT (dedup_key) DO NOTHING""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, to.email())
                    .setParameter(3, "de".equals(to.locale()) ? "de" : "en").setParameter(4, template)
                    .setParameter(5, model.encode()).setParameter(6, recipientKey + "|MAIL")
                    .executeUpdate();
        }
    }
}
