package org.feedback360.feedback.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/people/{employeeId}}; the id comes from the path. */
public record PersonRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Pattern(regexp = PersonRequest.LOCALE, message = "must be a language tag such as en or de-DE") String locale,
        @Size(max = 64) @Pattern(regexp = PersonRequest.EMPLOYEE_ID, message = PersonRequest.EMPLOYEE_ID_MESSAGE)
        String managerEmployeeId,
        Boolean active) {

    static final String EMPLOYEE_ID = "[A-Za-z0-9][A-Za-z0-9._-]*";
    static final String EMPLOYEE_ID_MESSAGE = "may contain only letters, digits, '.', '_' and '-'";
    static final String LOCALE = "[a-z]{2,3}(-[A-Z]{2})?";
    static final String DEFAULT_LOCALE = "en";

    PersonDetails toDetails(String employeeId) {
        return new PersonDetails(employeeId, name.strip(), email.strip(),
                locale == null ? DEFAULT_LOCALE : locale, blankToNull(managerEmployeeId), active == null || active);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
