package org.feedback360.feedback.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.feedback360.feedback.instrument.RaterGroup;
import org.feedback360.feedback.people.Contact;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of AssignmentCreated, AssignmentCancelled and AssignmentSubmitted on
 * {@code feedback.assignments} (contract/assignment-event.schema.json). This topic names
 * raters on purpose: notification-service invites and reminds them. It never carries answers.
 */
public record AssignmentEvent(UUID assignmentId, UUID cycleId, Contact subject, Contact rater, RaterGroup group,
                              Instant closesAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Instant submittedAt) {

    public static final String TOPIC = "feedback.assignments";
    public static final String CREATED = "AssignmentCreated";
    public static final String CANCELLED = "AssignmentCancelled";
    public static final String SUBMITTED = "AssignmentSubmitted";
}
