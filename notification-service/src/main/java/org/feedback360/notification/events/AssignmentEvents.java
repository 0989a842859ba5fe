package org.feedback360.notification.events;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.WebhookEvents;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * feedback.assignments: who rates whom. A new assignment of an open cycle joins the next invitation
 * round; submitted and cancelled ones are no longer reminded. Submissions go to the webhooks as progress.
 */
@ApplicationScoped
class AssignmentEvents {

    static final String TOPIC = "feedback.assignments";
    private static final Logger LOG = Logger.getLogger(AssignmentEvents.class);

    @Inject
    EntityManager em;
    @Inject
    ProcessedEvents processed;
    @Inject
    RaterMessages raterMessages;
    @Inject
    WebhookEvents webhooks;

    @Transactional
    void apply(Envelope event) {
        UUID assignmentId = event.uuid("assignmentId");
        UUID cycleId = event.uuid("cycleId");
        if (!processed.markProcessed(event.id(), TOPIC)) {
            return;
        }
        CycleEvents.lockCycle(em, cycleId);
        switch (event.type()) {
            case "org.feedback360.AssignmentCreated" -> {
                JsonObject rater = event.object("rater");
                JsonObject subject = event.data().getJsonObject("subject", new JsonObject());
                em.createNativeQuery("""
                                INSERT INTO known_assignment (assignment_id, cycle_id, tenant, rater_id, rater_name,
                                    rater_email, rater_locale, subject_name, state)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'CREATED')
                                ON CONFLICT (assignment_id) DO NOTHING""")
                        .setParameter(1, assignmentId)
                        .setParameter(2, cycleId)
                        .setParameter(3, event.tenant())
                        .setParameter(4, Envelope.required(rater, "employeeId"))
                        .setParameter(5, rater.getString("name", ""))
                        .setParameter(6, rater.getString("email", ""))
                        .setParameter(7, rater.getString("locale", "en"))
                        .setParameter(8, subject.getString("name", ""))
                        .executeUpdate();
                raterMessages.scheduleInvitations(cycleId);
            }
            case "org.feedback360.AssignmentSubmitted" -> {
                setState(assignmentId, "SUBMITTED");
                webhooks.assignmentSubmitted(event.tenant(), event.id(), event.time(), event.data());
            }
            case "org.feedback360.AssignmentCancelled" -> setState(assignmentId, "CANCELLED");
            default -> LOG.debugf("Ignoring assignment event type %s", event.type());
        }
    }

    /** A cancellation is final: a late "submitted" does not bring a cancelled assignment back. */
    private void setState(UUID assignmentId, String state) {
        em.createNativeQuery("UPDATE known_assignment SET state = ?2 WHERE assignment_id = ?1 AND state <> 'CANCELLED'")
                .setParameter(1, assignmentId).setParameter(2, state).executeUpdate();
    }
}
