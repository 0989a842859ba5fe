package org.feedback360.notification.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sends due reminders to raters whose assignment is neither submitted nor cancelled, and never
 * once the cycle is closed (or past its end). Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * two instances split the work and each reminder is handled once; the reminder id is the dedup
 * event id, so even a repeated run could queue nothing twice.
 */
@ApplicationScoped
public class ReminderJob {

    public static final String JOB = "reminders";

    @Inject
    EntityManager em;
    @Inject
    RaterMessages raterMessages;

    @Scheduled(identity = JOB, every = "${notification.reminder.poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        sendDue();
    }

    /** One batch; returns the ids of the reminders this call handled (sent or skipped). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> sendDue() {
        List<Object[]> due = em.createNativeQuery("""
                        SELECT r.id, r.cycle_id FROM reminder r
                        WHERE r.status = 'PENDING' AND r.due_at <= now()
                        ORDER BY r.due_at LIMIT 50 FOR UPDATE SKIP LOCKED""").getResultList();
        List<UUID> handled = new ArrayList<>();
        for (Object[] r : due) {
            UUID reminderId = (UUID) r[0];
            UUID cycleId = (UUID) r[1];
            // Serialised with the cycle's events: a close or a submission committed before this
            // point is seen below, one committed after it comes after the reminder.
            CycleEvents.lockCycle(em, cycleId);
            boolean stillOpen = Boolean.TRUE.equals(em.createNativeQuery(
                            "SELECT bool_or(state = 'OPEN' AND closes_at > now()) FROM known_cycle WHERE cycle_id = ?1")
                    .setParameter(1, cycleId).getSingleResult());
            if (stillOpen) {
                raterMessages.remindPending(reminderId, cycleId);
            }
            em.createNativeQuery("UPDATE reminder SET status = ?2 WHERE id = ?1")
                    .setParameter(1, reminderId).setParameter(2, stillOpen ? "SENT" : "SKIPPED").executeUpdate();
            handled.add(reminderId);
        }
        return handled;
    }
}
