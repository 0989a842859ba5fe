package org.feedback360.feedback.people;

/** A person's data after validation and defaulting, whatever format it arrived in. */
public record PersonDetails(String employeeId, String name, String email, String locale,
                            String managerEmployeeId, boolean active) {
}
