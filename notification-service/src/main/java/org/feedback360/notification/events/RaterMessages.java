package org.feedback360.notification.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invitations and reminders: one message per rater and cycle that lists every subject the rater
 * is asked about, so a peer of five leaders gets one mail, not five.
 */
@ApplicationScoped
class RaterMessages {

    /** Assignments of a cycle with what a message to their rater needs; a condition and an order follow. */
    private static final String ASSIGNMENTS = """
            SELECT a.assignment_id, a.tenant, a.rater_id, a.rater_name, a.rater_email, a.rater_locale,
                   a.subject_name, c.name, c.closes_at
            FROM known_assignment a JOIN known_cycle c ON c.cycle_id = a.cycle_id
            WHERE a.cycle_id = ?1 AND\s""";
    /** Not invited yet, and both the assignment and its open cycle are known. */
    private static final String WAITING_FOR_INVITATION = "c.state = 'OPEN' AND a.state = 'CREATED' AND NOT a.invited";
    /** Neither submitted nor cancelled. */
    private static final String PENDING = "a.state = 'CREATED'";

    @Inject
    EntityManager em;
    @Inject
    Notifier notifier;
    @Inject
    Links links;
    @ConfigProperty(name = "notification.invitation.settle", defaultValue = "10s")
    Duration invitationSettle;

    private record Row(UUID assignmentId, Notifier.Recipient rater, String raterName, String subjectName,
                       String cycleName, Instant closesAt) {
    }

    /**
     * Opens an invitation round for an open cycle unless one is already waiting: the round goes out
     * after the settling time, with every assignment known by then (see {@link ScheduledMessageJob}).
     * Called by whichever event completes an open cycle with an assignment not invited yet.
     */
    void scheduleInvitations(UUID cycleId) {
        em.createNativeQuery("""
                        INSERT INTO scheduled_message (id, cycle_id, due_at, kind)
                        SELECT ?1, ?2, now() + make_interval(secs => ?3), 'INVITATION'
                        WHERE EXISTS (SELECT 1 FROM known_cycle WHERE cycle_id = ?2 AND state = 'OPEN')
                        ON CONFLICT (cycle_id) WHERE kind = 'INVITATION' AND status = 'PENDING' DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, cycleId)
                .setParameter(3, invitationSettle.toMillis() / 1000.0).executeUpdate();
    }

    /**
     * Invites every rater of the cycle not invited yet whose assignment and open cycle are both
     * known, keyed on the round's id. The caller holds the cycle's lock.
     */
    void inviteWaiting(UUID roundId, UUID cycleId) {
        send(roundId, Notifier.Kind.INVITATION, cycleId, WAITING_FOR_INVITATION);
        em.createNativeQuery("UPDATE known_assignment a SET invited = true FROM known_cycle c "
                        + "WHERE c.cycle_id = a.cycle_id AND a.cycle_id = ?1 AND " + WAITING_FOR_INVITATION)
                .setParameter(1, cycleId).executeUpdate();
    }

    /** Reminds every rater with an assignment of the cycle that is neither submitted nor cancelled. */
    void remindPending(UUID reminderId, UUID cycleId) {
        send(reminderId, Notifier.Kind.REMINDER, cycleId, PENDING);
    }

    @SuppressWarnings("unchecked")
    private void send(UUID dedupId, Notifier.Kind kind, UUID cycleId, String condition) {
        List<Object[]> rows = em.createNativeQuery(ASSIGNMENTS + condition + " ORDER BY a.rater_id, a.subject_name")
                .setParameter(1, cycleId).getResultList();
        Map<String, List<Row>> byRater = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Row row = new Row((UUID) r[0], new Notifier.Recipient((String) r[1], (String) r[2], (String) r[4], (String) r[5]),
                    (String) r[3], (String) r[6], (String) r[7], instant(r[8]));
            byRater.computeIfAbsent(row.rater().tenant() + "/" + row.rater().employeeId(), k -> new ArrayList<>()).add(row);
        }
        byRater.values().forEach(assignments -> sendOne(dedupId, kind, cycleId, assignments));
    }

    /** timestamptz as the JDBC driver and Hibernate version at hand return it. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private void sendOne(UUID dedupId, Notifier.Kind kind, UUID cycleId, List<Row> assignments) {
        Row first = assignments.get(0);
        JsonArray list = new JsonArray();
        assignments.forEach(a -> list.add(new JsonObject().put("subjectName", a.subjectName())
                .put("link", links.assignment(cycleId, a.assignmentId()))));
        String link = assignments.size() == 1 ? links.assignment(cycleId, first.assignmentId()) : links.cycle(cycleId);
        JsonObject model = new JsonObject()
                .put("raterName", first.raterName())
                .put("cycleName", first.cycleName())
                .put("closesAt", Notifier.dateTime(first.closesAt(), first.rater().language()))
                .put("count", assignments.size())
                .put("assignments", list)
                .put("link", link);
        notifier.notify(dedupId, first.rater(), kind, link, model, cycleId);
    }
}
