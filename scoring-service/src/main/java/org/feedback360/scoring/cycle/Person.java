package org.feedback360.scoring.cycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A subject as the cycle event names them: what a report and its notification need.
 *
 * @param managerEmployeeId their manager when the event was written (optional): in a followership
 *                          review the leader whose view the report compares, who may read it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String employeeId, String name, String email, String locale, String managerEmployeeId) {

    public Person(String employeeId, String name, String email, String locale) {
        this(employeeId, name, email, locale, null);
    }
}
