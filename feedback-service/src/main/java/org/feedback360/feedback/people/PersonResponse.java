package org.feedback360.feedback.people;

import java.time.Instant;

public record PersonResponse(String employeeId, String name, String email, String locale,
                             String managerEmployeeId, boolean active, Instant updatedAt) {

    static PersonResponse of(Person p) {
        return new PersonResponse(p.employeeId, p.name, p.email, p.locale, p.managerEmployeeId, p.active, p.updatedAt);
    }
}
