package org.feedback360.notification.events;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies feedback-service events (feedback.cycles, feedback.assignments). Each event is applied
 * in one transaction together with its processed_event row, so a redelivery changes nothing.
 * Events are read tolerantly: unknown fields are ignored, unknown types are only recorded.
 */
@ApplicationScoped
public class FeedbackEventConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackEventConsumer.class);

    @Inject
    EntityManager em;
    @Inject
    ProcessedEvents processed;
    @Inject
    Notifier notifier;
    @ConfigProperty(name = "notification.public-base-url")
    String publicBaseUrl;

    @Incoming("cycles")
    @Blocking
    @Transactional
    public void onCycleEvent(String payload) {
        JsonObject event = new JsonObject(payload);
        UUID eventId = UUID.fromString(event.getString("id"));
        if (!processed.markProcessed(eventId, "feedback.cycles")) {
            return;
        }
        String type = event.getString("type", "");
        JsonObject data = event.getJsonObject("data", new JsonObject());
        String tenant = event.getString("tenant", data.getString("tenant"));
        UUID cycleId = UUID.fromString(data.getString("cycleId"));
        lockCycle(cycleId);
        switch (type) {
            case "org.feedback360.CycleOpened" -> {
                upsertCycle(cycleId, tenant, data.getString("name", ""), "OPEN", data.getString("closesAt"));
                inviteWaitingRaters(eventId, cycleId);
                scheduleReminders(cycleId, data);
            }
            case "org.feedback360.CycleClosed" -> {
                upsertCycle(cycleId, tenant, data.getString("name", ""), "CLOSED", data.getString("closesAt"));
                tellOwnerClosed(eventId, tenant, data);
            }
            case "org.feedback360.CycleReleased" ->
                    upsertCycle(cycleId, tenant, data.getString("name", ""), "RELEASED", data.getString("closesAt"));
            default -> LOG.debugf("Ignoring cycle event type %s", type);
        }
    }

    @Incoming("assignments")
    @Blocking
    @Transactional
    public void onAssignmentEvent(String payload) {
        JsonObject event = new JsonObject(payload);
        UUID eventId = UUID.fromString(event.getString("id"));
        if (!processed.markProcessed(eventId, "feedback.assignments")) {
            return;
        }
        String type = event.getString("type", "");
        JsonObject data = event.getJsonObject("data", new JsonObject());
        UUID assignmentId = UUID.fromString(data.getString("assignmentId"));
        lockCycle(UUID.fromString(data.getString("cycleId")));
        switch (type) {
            case "org.feedback360.AssignmentCreated" -> {
                JsonObject rater = data.getJsonObject("rater");
                JsonObject subject = data.getJsonObject("subject", new JsonObject());
                em.createNativeQuery("""
                                INSERT INTO known_assignment (assignment_id, cycle_id, tenant, rater_id, rater_name,
                                    rater_email, rater_locale, subject_name, state)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'CREATED')
                                ON CONFLICT (assignment_id) DO NOTHING""")
                        .setParameter(1, assignmentId)
                        .setParameter(2, UUID.fromString(data.getString("cycleId")))
                        .setParameter(3, event.getString("tenant"))
                        .setParameter(4, rater.getString("employeeId"))
                        .setParameter(5, rater.getString("name", ""))
                        .setParameter(6, rater.getString("email", ""))
                        .setParameter(7, rater.getString("locale", "en"))
                        .setParameter(8, subject.getString("name", ""))
                        .executeUpdate();
                inviteWaitingRaters(eventId, UUID.fromString(data.getString("cycleId")));
            }
            case "org.feedback360.AssignmentSubmitted" -> setAssignmentState(assignmentId, "SUBMITTED");
            case "org.feedback360.AssignmentCancelled" -> setAssignmentState(assignmentId, "CANCELLED");
            default -> LOG.debugf("Ignoring assignment event type %s", type);
        }
    }

    /**
     * Cycle and assignment events come on different topics and are applied concurrently. Without
     * this lock, CycleOpened and AssignmentCreated committing at the same moment would each miss
     * the other's row and nobody would be invited. Held until the transaction ends.
     */
    private void lockCycle(UUID cycleId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, cycleId.toString()).getSingleResult();
    }

    private void upsertCycle(UUID cycleId, String tenant, String name, String state, String closesAt) {
        em.createNativeQuery("""
                        INSERT INTO known_cycle (cycle_id, tenant, name, state, closes_at) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (cycle_id) DO UPDATE SET name = EXCLUDED.name, state = EXCLUDED.state,
                            closes_at = COALESCE(EXCLUDED.closes_at, known_cycle.closes_at)""")
                .setParameter(1, cycleId).setParameter(2, tenant).setParameter(3, name).setParameter(4, state)
                .setParameter(5, closesAt == null ? null : Timestamp.from(Instant.parse(closesAt)))
                .executeUpdate();
    }

    /** One row per reminder offset (ISO-8601 duration before closesAt); past due times are skipped. */
    private void scheduleReminders(UUID cycleId, JsonObject data) {
        String closesAt = data.getString("closesAt");
        if (closesAt == null || data.getJsonArray("reminders") == null) {
            return;
        }
        Instant closes = Instant.parse(closesAt);
        for (Object offset : data.getJsonArray("reminders")) {
            Instant due = closes.minus(java.time.Duration.parse(String.valueOf(offset)));
            if (due.isBefore(Instant.now().minusSeconds(60)) || !due.isBefore(closes)) {
                continue;
            }
            em.createNativeQuery("""
                            INSERT INTO reminder (id, cycle_id, due_at) VALUES (?1, ?2, ?3)
                            ON CONFLICT (cycle_id, due_at) DO NOTHING""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, cycleId)
                    .setParameter(3, Timestamp.from(due)).executeUpdate();
        }
    }

    private void setAssignmentState(UUID assignmentId, String state) {
        em.createNativeQuery("UPDATE known_assignment SET state = ?2 WHERE assignment_id = ?1")
                .setParameter(1, assignmentId).setParameter(2, state).executeUpdate();
    }

    /**
     * Invites every rater of the cycle not yet invited, once both the open cycle and the assignment
     * are known; whichever event completes the pair triggers the invitation, keyed on that event.
     */
    @SuppressWarnings("unchecked")
    private void inviteWaitingRaters(UUID eventId, UUID cycleId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.assignment_id, a.tenant, a.rater_id, a.rater_name, a.rater_email, a.rater_locale,
                               a.subject_name, c.name, c.closes_at
                        FROM known_assignment a JOIN known_cycle c ON c.cycle_id = a.cycle_id
                        WHERE a.cycle_id = ?1 AND c.state = 'OPEN' AND a.state = 'CREATED' AND NOT a.invited
                        FOR UPDATE OF a""")
                .setParameter(1, cycleId).getResultList();
        for (Object[] r : rows) {
            String locale = (String) r[5];
            String link = publicBaseUrl + "/cycles/" + cycleId + "/assignments/" + r[0];
            JsonObject model = new JsonObject().put("raterName", r[3]).put("subjectName", r[6])
                    .put("cycleName", r[7]).put("closesAt", String.valueOf(r[8])).put("link", link);
            boolean de = "de".equals(locale);
            notifier.notify(eventId, new Notifier.Recipient((String) r[1], (String) r[2], (String) r[4], locale),
                    "INVITATION",
                    de ? "Feedback erbeten: " + r[6] : "Feedback requested: " + r[6],
                    de ? "Bitte geben Sie Feedback im Zyklus " + r[7] + "." : "Please give feedback in cycle " + r[7] + ".",
                    link, "invitation", model);
            em.createNativeQuery("UPDATE known_assignment SET invited = true WHERE assignment_id = ?1")
                    .setParameter(1, r[0]).executeUpdate();
        }
    }

    private void tellOwnerClosed(UUID eventId, String tenant, JsonObject data) {
        JsonObject owner = data.getJsonObject("owner");
        if (owner == null) {
            return;
        }
        JsonObject completion = data.getJsonObject("completion", new JsonObject());
        int assignments = completion.getInteger("assignments", 0);
        int submitted = completion.getInteger("submitted", 0);
        String locale = owner.getString("locale", "en");
        String link = publicBaseUrl + "/cycles/" + data.getString("cycleId");
        JsonObject model = new JsonObject().put("ownerName", owner.getString("name", ""))
                .put("cycleName", data.getString("name", "")).put("assignments", assignments)
                .put("submitted", submitted).put("link", link);
        boolean de = "de".equals(locale);
        notifier.notify(eventId, new Notifier.Recipient(tenant, owner.getString("employeeId"),
                        owner.getString("email"), locale),
                "CYCLE_CLOSED",
                de ? "Zyklus geschlossen: " + data.getString("name", "") : "Cycle closed: " + data.getString("name", ""),
                de ? submitted + " von " + assignments + " Bewertungen abgegeben."
                        : submitted + " of " + assignments + " ratings submitted.",
                link, "cycle-closed", model);
    }
}
