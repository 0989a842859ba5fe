package org.feedback360.notification.events;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.UUID;

/**
 * Sends due reminders to raters whose assignment is neither submitted nor cancelled, and never
 * once the cycle is closed. Rows are claimed with FOR UPDATE SKIP LOCKED so two instances split
 * the work; the reminder id is the dedup event id, so a retry queues nothing twice.
 */
@ApplicationScoped
public class ReminderJob {

    @Inject
    EntityManager em;
    @Inject
    Notifier notifier;
    @ConfigProperty(name = "notification.public-base-url")
    String publicBaseUrl;

    @Scheduled(every = "${notification.reminder.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @SuppressWarnings("unchecked")
    void sendDue() {
        List<Object[]> due = em.createNativeQuery("""
                        SELECT r.id, r.cycle_id, c.state, c.closes_at > now() FROM reminder r
                        JOIN known_cycle c ON c.cycle_id = r.cycle_id
                        WHERE r.status = 'PENDING' AND r.due_at <= now()
                        ORDER BY r.due_at LIMIT 50 FOR UPDATE OF r SKIP LOCKED""").getResultList();
        for (Object[] r : due) {
            UUID reminderId = (UUID) r[0];
            boolean stillOpen = "OPEN".equals(r[2]) && Boolean.TRUE.equals(r[3]);
            if (stillOpen) {
                remindPendingRaters(reminderId, (UUID) r[1]);
            }
            em.createNativeQuery("UPDATE reminder SET status = ?2 WHERE id = ?1")
                    .setParameter(1, reminderId).setParameter(2, stillOpen ? "SENT" : "SKIPPED").executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private void remindPendingRaters(UUID reminderId, UUID cycleId) {
        List<Object[]> raters = em.createNativeQuery("""
                        SELECT a.assignment_id, a.tenant, a.rater_id, a.rater_name, a.rater_email, a.rater_locale,
                               a.subject_name, c.name, c.closes_at
                        FROM known_assignment a JOIN known_cycle c ON c.cycle_id = a.cycle_id
                        WHERE a.cycle_id = ?1 AND a.state = 'CREATED'""")
                .setParameter(1, cycleId).getResultList();
        for (Object[] a : raters) {
            String locale = (String) a[5];
            boolean de = "de".equals(locale);
            String link = publicBaseUrl + "/cycles/" + cycleId + "/assignments/" + a[0];
            JsonObject model = new JsonObject().put("raterName", a[3]).put("subjectName", a[6])
                    .put("cycleName", a[7]).put("closesAt", String.valueOf(a[8])).put("link", link);
            notifier.notify(reminderId, new Notifier.Recipient((String) a[1], (String) a[2], (String) a[4], locale),
                    "REMINDER",
                    de ? "Erinnerung: Feedback zu " + a[6] : "Reminder: feedback on " + a[6],
                    de ? "Der Zyklus " + a[7] + " endet bald." : "Cycle " + a[7] + " closes soon.",
                    link, "reminder", model);
        }
    }
}
