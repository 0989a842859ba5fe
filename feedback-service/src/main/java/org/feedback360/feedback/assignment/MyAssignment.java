package org.feedback360.feedback.assignment;

import org.feedback360.feedback.instrument.RaterGroup;

import java.time.Instant;
import java.util.UUID;

/** One entry of a rater's to-do list: whom to rate, in which cycle, with which instrument, by when. */
public record MyAssignment(UUID assignmentId, UUID cycleId, String cycleName, String subjectEmployeeId,
                           String subjectName, RaterGroup group, String instrumentKey, int instrumentVersion,
                           Instant closesAt) {
}
