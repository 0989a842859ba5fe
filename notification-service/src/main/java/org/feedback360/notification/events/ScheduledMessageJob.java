package org.feedback360.notification.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends the rater messages that are due: invitation rounds (every rater not invited yet, once the
 * round's settling time is over and the assignment events published until then have been read, see
 * {@link AssignmentBacklog}) and reminders (raters whose assignment is neither submitted nor
 * cancelled). Nothing goes out once the cycle is closed or past its end. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so two instances split the work and each row is handled once; the row id
 * is the dedup event id, so even a repeated run could queue nothing twice.
 */
@ApplicationScoped
public class ScheduledMessageJob {

    public static final String JOB = "scheduled-messages";

    @Inject
    EntityManager em;
    @Inject
    RaterMessages raterMessages;
    @Inject
    AssignmentBacklog assignmentBacklog;

    @Scheduled(identity = JOB, every = "${notification.scheduled-messages.poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        sendDue();
    }

    /**
     * One batch; returns the ids of the rows this call handled (sent or skipped). Kafka is asked
     * about the assignment backlog before the batch's transaction, not in it: it may take seconds
     * to answer, or time out, while the claimed rows would stay locked.
     */
    public List<UUID> sendDue() {
        Set<UUID> roundsClear = assignmentBacklog.caughtUp(QuarkusTransaction.requiringNew().call(this::dueInvitationRounds));
        return QuarkusTransaction.requiringNew().call(() -> sendDue(roundsClear));
    }

    @SuppressWarnings("unchecked")
    private List<UUID> dueInvitationRounds() {
        return em.createNativeQuery("""
                        SELECT m.id FROM scheduled_message m
                        WHERE m.status = 'PENDING' AND m.kind = 'INVITATION' AND m.due_at <= now()
                        ORDER BY m.due_at LIMIT 50""").getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> sendDue(Set<UUID> roundsClear) {
        List<Object[]> due = em.createNativeQuery("""
                        SELECT m.id, m.cycle_id, m.kind FROM scheduled_message m
                        WHERE m.status = 'PENDING' AND m.due_at <= now()
                        ORDER BY m.due_at LIMIT 50 FOR UPDATE SKIP LOCKED""").getResultList();
        List<Object[]> ready = new ArrayList<>();
        for (Object[] r : due) {
            if ("INVITATION".equals(r[2]) && !roundsClear.contains((UUID) r[0])) {
                // Assignment events from before the round are still unread (or the round came due
                // after the backlog was asked): asked again at a later run.
                em.createNativeQuery("UPDATE scheduled_message SET due_at = now() + interval '1 second' WHERE id = ?1")
                        .setParameter(1, r[0]).executeUpdate();
            } else {
                ready.add(r);
            }
        }
        // Serialised with the cycles' events: a close or a submission committed before this point
        // is seen below, one committed after it comes after the message. All the batch's cycles at
        // once, in the one order every transaction over several cycles takes them.
        CycleEvents.lockCycles(em, ready.stream().map(r -> (UUID) r[1]).toList());
        List<UUID> handled = new ArrayList<>();
        for (Object[] r : ready) {
            UUID id = (UUID) r[0];
            UUID cycleId = (UUID) r[1];
            boolean stillOpen = Boolean.TRUE.equals(em.createNativeQuery(
                            "SELECT bool_or(state = 'OPEN' AND closes_at > now()) FROM known_cycle WHERE cycle_id = ?1")
                    .setParameter(1, cycleId).getSingleResult());
            if (stillOpen && "INVITATION".equals(r[2])) {
                raterMessages.inviteWaiting(id, cycleId);
            } else if (stillOpen) {
                raterMessages.remindPending(id, cycleId);
            }
            em.createNativeQuery("UPDATE scheduled_message SET status = ?2 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, stillOpen ? "SENT" : "SKIPPED").executeUpdate();
            handled.add(id);
        }
        return handled;
    }
}
