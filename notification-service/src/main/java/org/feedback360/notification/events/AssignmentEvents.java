package org.feedback360.notification.events;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.WebhookEvents;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * feedback.assignments: who rates whom. A new assignment of an open cycle joins the next invitation
 * round; submitted and cancelled ones are no longer reminded. Submissions go to the webhooks as progress.
 *
 * <p>Consumed in batches of one poll, applied in one transaction: there is an event per submission,
 * and a transaction per event made notification-service's commits a quarter of the database's
 * statement time under a deadline's load.
 */
@ApplicationScoped
class AssignmentEvents {

    static final String TOPIC = "feedback.assignments";
    private static final Logger LOG = Logger.getLogger(AssignmentEvents.class);
    private static final String CREATED = "org.feedback360.AssignmentCreated";

    @Inject
    EntityManager em;
    @Inject
    ProcessedEvents processed;
    @Inject
    RaterMessages raterMessages;
    @Inject
    WebhookEvents webhooks;

    /**
     * An event with everything its application reads checked, so that a malformed record is
     * skipped before its batch's transaction starts rather than failing the others with it.
     */
    record Change(Envelope event, UUID assignmentId, UUID cycleId, JsonObject rater, String raterId) {

        static Change of(Envelope event) {
            UUID assignmentId = event.uuid("assignmentId");
            UUID cycleId = event.uuid("cycleId");
            if (!CREATED.equals(event.type())) {
                return new Change(event, assignmentId, cycleId, null, null);
            }
            JsonObject rater = event.object("rater");
            return new Change(event, assignmentId, cycleId, rater, Envelope.required(rater, "employeeId"));
        }
    }

    /** Applies the events not applied before (an id seen again is skipped), in their order, in one transaction. */
    @Transactional
    void apply(List<Change> changes) {
        CycleEvents.lockCycles(em, changes.stream().map(Change::cycleId).toList());
        Set<UUID> cyclesWithNewAssignments = new LinkedHashSet<>();
        for (Change change : changes) {
            if (processed.markProcessed(change.event().id(), TOPIC) && apply(change)) {
                cyclesWithNewAssignments.add(change.cycleId());
            }
        }
        cyclesWithNewAssignments.forEach(raterMessages::scheduleInvitations);
    }

    /** @return whether it was a new assignment (its cycle's next invitation round must be scheduled) */
    private boolean apply(Change change) {
        Envelope event = change.event();
        switch (event.type()) {
            case CREATED -> {
                JsonObject rater = change.rater();
                JsonObject subject = event.data().getJsonObject("subject", new JsonObject());
                em.createNativeQuery("""
                                INSERT INTO known_assignment (assignment_id, cycle_id, tenant, rater_id, rater_name,
                                    rater_email, rater_locale, subject_name, state)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'CREATED')
                                ON CONFLICT (assignment_id) DO NOTHING""")
                        .setParameter(1, change.assignmentId())
                        .setParameter(2, change.cycleId())
                        .setParameter(3, event.tenant())
                        .setParameter(4, change.raterId())
                        .setParameter(5, rater.getString("name", ""))
                        .setParameter(6, rater.getString("email", ""))
                        .setParameter(7, rater.getString("locale", "en"))
                        .setParameter(8, subject.getString("name", ""))
                        .executeUpdate();
                return true;
            }
            case "org.feedback360.AssignmentSubmitted" -> {
                setState(change.assignmentId(), "SUBMITTED");
                webhooks.assignmentSubmitted(event.tenant(), event.id(), event.time(), event.data());
            }
            case "org.feedback360.AssignmentCancelled" -> setState(change.assignmentId(), "CANCELLED");
            default -> LOG.debugf("Ignoring assignment event type %s", event.type());
        }
        return false;
    }

    /** A cancellation is final: a late "submitted" does not bring a cancelled assignment back. */
    private void setState(UUID assignmentId, String state) {
        em.createNativeQuery("UPDATE known_assignment SET state = ?2 WHERE assignment_id = ?1 AND state <> 'CANCELLED'")
                .setParameter(1, assignmentId).setParameter(2, state).executeUpdate();
    }
}
