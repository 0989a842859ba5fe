package org.feedback360.notification.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.EventType;
import org.feedback360.notification.webhook.WebhookEvents;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * feedback.cycles: opening invites the raters already known and schedules the reminders, closing
 * tells the owner (HR) the completion figures; every transition goes to the webhooks. One
 * transaction per event, together with its processed_event row.
 */
@ApplicationScoped
class CycleEvents {

    static final String TOPIC = "feedback.cycles";
    private static final Logger LOG = Logger.getLogger(CycleEvents.class);

    @Inject
    EntityManager em;
    @Inject
    ProcessedEvents processed;
    @Inject
    RaterMessages raterMessages;
    @Inject
    Notifier notifier;
    @Inject
    Links links;
    @Inject
    WebhookEvents webhooks;

    @Transactional
    void apply(Envelope event) {
        UUID cycleId = event.uuid("cycleId");
        if (!processed.markProcessed(event.id(), TOPIC)) {
            return;
        }
        lockCycle(em, cycleId);
        JsonObject data = event.data();
        switch (event.type()) {
            case "org.feedback360.CycleOpened" -> {
                upsertCycle(cycleId, event.tenant(), data, "OPEN");
                raterMessages.scheduleInvitations(cycleId);
                scheduleReminders(cycleId, data);
                webhooks.cycleChanged(EventType.CYCLE_OPENED, event.tenant(), event.id(), event.time(), data);
            }
            case "org.feedback360.CycleClosed" -> {
                upsertCycle(cycleId, event.tenant(), data, "CLOSED");
                tellOwnerClosed(event, cycleId);
                webhooks.cycleChanged(EventType.CYCLE_CLOSED, event.tenant(), event.id(), event.time(), data);
            }
            case "org.feedback360.CycleReleased" -> {
                upsertCycle(cycleId, event.tenant(), data, "RELEASED");
                webhooks.cycleChanged(EventType.CYCLE_RELEASED, event.tenant(), event.id(), event.time(), data);
            }
            default -> LOG.debugf("Ignoring cycle event type %s", event.type());
        }
    }

    /**
     * Cycle and assignment events come on different topics and are applied concurrently. Without
     * this lock, CycleOpened and AssignmentCreated committing at the same moment would each miss
     * the other's row and nobody would be invited. Held until the transaction ends.
     */
    static void lockCycle(EntityManager em, UUID cycleId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, cycleId.toString()).getSingleResult();
    }

    /**
     * {@link #lockCycle} for a transaction that touches several cycles: the locks are taken in one
     * global order (sorted ids), so two such transactions (two instances' batches, a batch and the
     * scheduled messages) do not deadlock. Should two ids share a hash, PostgreSQL's deadlock
     * detector fails one of the transactions and its retry applies it again.
     */
    static void lockCycles(EntityManager em, Collection<UUID> cycleIds) {
        for (UUID cycleId : new TreeSet<>(cycleIds)) {
            lockCycle(em, cycleId);
        }
    }

    private void upsertCycle(UUID cycleId, String tenant, JsonObject data, String state) {
        em.createNativeQuery("""
                        INSERT INTO known_cycle (cycle_id, tenant, name, state, closes_at) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (cycle_id) DO UPDATE SET name = EXCLUDED.name, state = EXCLUDED.state,
                            closes_at = COALESCE(EXCLUDED.closes_at, known_cycle.closes_at)""")
                .setParameter(1, cycleId).setParameter(2, tenant).setParameter(3, data.getString("name", ""))
                .setParameter(4, state).setParameter(5, timestamp(data.getString("closesAt")))
                .executeUpdate();
    }

    /**
     * One row per reminder offset (ISO-8601 duration before closesAt). Rows outlive restarts and
     * are claimed by {@link ScheduledMessageJob}; a due time already past when the cycle opens is skipped.
     */
    private void scheduleReminders(UUID cycleId, JsonObject data) {
        Timestamp closesAt = timestamp(data.getString("closesAt"));
        JsonArray offsets = data.getJsonArray("reminders");
        if (closesAt == null || offsets == null) {
            return;
        }
        Instant closes = closesAt.toInstant();
        for (Object offset : offsets) {
            Instant due;
            try {
                due = closes.minus(Duration.parse(String.valueOf(offset)));
            } catch (DateTimeParseException e) {
                LOG.warnf("Cycle %s: ignoring reminder offset '%s', not an ISO-8601 duration", cycleId, offset);
                continue;
            }
            if (due.isBefore(Instant.now().minusSeconds(60)) || !due.isBefore(closes)) {
                continue;
            }
            em.createNativeQuery("""
                            INSERT INTO scheduled_message (id, cycle_id, due_at, kind) VALUES (?1, ?2, ?3, 'REMINDER')
                            ON CONFLICT (cycle_id, due_at) DO NOTHING""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, cycleId)
                    .setParameter(3, Timestamp.from(due)).executeUpdate();
        }
    }

    /** The owner (HR) gets the completion figures, in total and per subject. */
    private void tellOwnerClosed(Envelope event, UUID cycleId) {
        JsonObject data = event.data();
        JsonObject owner = data.getJsonObject("owner");
        if (owner == null || owner.getString("employeeId") == null) {
            return;
        }
        Notifier.Recipient recipient = new Notifier.Recipient(event.tenant(), owner.getString("employeeId"),
                owner.getString("email"), owner.getString("locale"));
        JsonObject completion = data.getJsonObject("completion", new JsonObject());
        JsonObject bySubject = completion.getJsonObject("bySubject", new JsonObject());
        JsonArray subjects = new JsonArray();
        for (Object s : data.getJsonArray("subjects", new JsonArray())) {
            if (s instanceof JsonObject subject) {
                JsonObject counts = bySubject.getJsonObject(subject.getString("employeeId", ""), new JsonObject());
                subjects.add(new JsonObject().put("name", subject.getString("name", subject.getString("employeeId")))
                        .put("submitted", counts.getInteger("submitted", 0))
                        .put("assignments", counts.getInteger("assignments", 0)));
            }
        }
        String link = links.cycle(cycleId);
        JsonObject model = new JsonObject()
                .put("ownerName", owner.getString("name", ""))
                .put("cycleName", data.getString("name", ""))
                .put("assignments", completion.getInteger("assignments", 0))
                .put("submitted", completion.getInteger("submitted", 0))
                .put("subjects", subjects)
                .put("link", link);
        notifier.notify(event.id(), recipient, Notifier.Kind.CYCLE_CLOSED, link, model, null);
    }

    private static Timestamp timestamp(String instant) {
        try {
            return instant == null ? null : Timestamp.from(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            throw new Envelope.Malformed("'" + instant + "' is not an instant");
        }
    }
}
