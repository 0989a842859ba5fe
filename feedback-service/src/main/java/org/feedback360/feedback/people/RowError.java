package org.feedback360.feedback.people;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason an import row was refused. {@code row} counts data rows from 1 (the CSV
 * header is not a row); {@code line} is the CSV line where the row starts, for editors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(Integer row, Integer line, String employeeId, String field, String message) {
}
