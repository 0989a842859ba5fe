package org.feedback360.feedback.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One row of a bulk import, JSON or CSV (columns of the same names). */
public record PersonImportRow(
        @NotBlank @Size(max = 64) @Pattern(regexp = PersonRequest.EMPLOYEE_ID, message = PersonRequest.EMPLOYEE_ID_MESSAGE)
        String employeeId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Pattern(regexp = PersonRequest.LOCALE, message = "must be a language tag such as en or de-DE") String locale,
        @Size(max = 64) @Pattern(regexp = PersonRequest.EMPLOYEE_ID, message = PersonRequest.EMPLOYEE_ID_MESSAGE)
        String managerEmployeeId,
        Boolean active) {

    PersonDetails toDetails() {
        return new PersonRequest(name, email, locale, managerEmployeeId, active).toDetails(employeeId.strip());
    }
}
