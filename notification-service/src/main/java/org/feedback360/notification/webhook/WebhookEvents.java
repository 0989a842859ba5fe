package org.feedback360.notification.webhook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.notification.webhook.delivery.WebhookQueue;

import java.util.UUID;

/**
 * What HR portals are told of each platform event. The data is chosen here, field by field, and
 * never copied wholesale: no answers, no comments, no rater keys, no e-mail addresses, no scores.
 * The only rater identity is the employee id on {@code assignment.submitted}, which is the
 * completion progress HR follows anyway. Response events are never forwarded.
 */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    WebhookQueue queue;

    /** cycle.opened, cycle.closed, cycle.released; {@code cycle} is the data of the feedback event. */
    public void cycleChanged(EventType type, String tenant, UUID eventId, String time, JsonObject cycle) {
        JsonArray subjects = new JsonArray();
        for (Object s : cycle.getJsonArray("subjects", new JsonArray())) {
            if (s instanceof JsonObject subject && subject.getString("employeeId") != null) {
                subjects.add(subject.getString("employeeId"));
            }
        }
        JsonObject data = new JsonObject()
                .put("cycleId", cycle.getString("cycleId"))
                .put("name", cycle.getString("name"))
                .put("state", cycle.getString("state"))
                .put("opensAt", cycle.getString("opensAt"))
                .put("closesAt", cycle.getString("closesAt"))
                .put("subjects", subjects);
        JsonObject completion = cycle.getJsonObject("completion");
        if (completion != null) {
            JsonObject bySubject = new JsonObject();
            completion.getJsonObject("bySubject", new JsonObject()).forEach(e -> {
                if (e.getValue() instanceof JsonObject counts) {
                    bySubject.put(e.getKey(), counts(counts));
                }
            });
            data.put("completion", counts(completion).put("bySubject", bySubject));
        }
        queue.enqueue(tenant, eventId, type, cycle.getString("cycleId"), time, data);
    }

    /** assignment.submitted: who is done, for HR's progress view; never what they answered. */
    public void assignmentSubmitted(String tenant, UUID eventId, String time, JsonObject assignment) {
        JsonObject data = new JsonObject()
                .put("assignmentId", assignment.getString("assignmentId"))
                .put("cycleId", assignment.getString("cycleId"))
                .put("subjectEmployeeId", assignment.getJsonObject("subject", new JsonObject()).getString("employeeId"))
                .put("raterEmployeeId", assignment.getJsonObject("rater", new JsonObject()).getString("employeeId"))
                .put("group", assignment.getString("group"));
        queue.enqueue(tenant, eventId, EventType.ASSIGNMENT_SUBMITTED, assignment.getString("cycleId"), time, data);
    }

    /** report.published: where to read the report, not what it says. */
    public void reportPublished(String tenant, UUID eventId, String time, JsonObject report) {
        String subject = report.getJsonObject("subject", new JsonObject()).getString("employeeId");
        JsonObject data = new JsonObject()
                .put("cycleId", report.getString("cycleId"))
                .put("cycleName", report.getString("cycleName"))
                .put("subjectEmployeeId", subject)
                .put("publishedAt", report.getString("publishedAt"))
                .put("reportPath", report.getString("reportPath"));
        queue.enqueue(tenant, eventId, EventType.REPORT_PUBLISHED, subject, time, data);
    }

    private static JsonObject counts(JsonObject counts) {
        return new JsonObject().put("assignments", counts.getInteger("assignments", 0))
                .put("submitted", counts.getInteger("submitted", 0));
    }
}
