package org.feedback360.feedback.people;

import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns an import CSV into rows; columns are found by header name, in any order. */
final class PeopleCsv {

    static final List<String> COLUMNS = List.of("employeeId", "name", "email", "locale", "managerEmployeeId", "active");
    static final Set<String> REQUIRED = Set.of("employeeId", "name", "email");

    private PeopleCsv() {
    }

    static List<PeopleService.IncomingRow> read(String body) {
        List<Csv.Record> records;
        try {
            records = Csv.parse(body);
        } catch (Csv.MalformedCsv e) {
            throw new ProblemException(Problem.of(400, "malformed-csv", "Bad Request",
                    "The CSV is malformed at line " + e.line + ": " + e.getMessage()).with("line", e.line));
        }
        if (records.isEmpty()) {
            throw ProblemException.badRequest("empty-import", "The import contains no header and no rows");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!COLUMNS.contains(name)) {
                throw ProblemException.badRequest("malformed-csv", "Unknown column '" + name
                        + "'; the columns are " + String.join(",", COLUMNS));
            }
            if (column.put(name, i) != null) {
                throw ProblemException.badRequest("malformed-csv", "Column '" + name + "' appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                throw ProblemException.badRequest("malformed-csv", "The header lacks the column '" + required + "'");
            }
        }
        List<PeopleService.IncomingRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Csv.Record rec = records.get(r);
            List<RowError> errors = new ArrayList<>();
            String employeeId = cell(rec, column, "employeeId");
            if (rec.fields().size() != header.size()) {
                errors.add(new RowError(r, rec.line(), employeeId, null,
                        "has " + rec.fields().size() + " fields but the header has " + header.size()));
            }
            Boolean active = null;
            String activeCell = cell(rec, column, "active");
            if (activeCell != null) {
                switch (activeCell.toLowerCase(Locale.ROOT)) {
                    case "true" -> active = true;
                    case "false" -> active = false;
                    default -> errors.add(new RowError(r, rec.line(), employeeId, "active", "must be true or false"));
                }
            }
            PersonImportRow row = new PersonImportRow(employeeId, cell(rec, column, "name"), cell(rec, column, "email"),
                    cell(rec, column, "locale"), cell(rec, column, "managerEmployeeId"), active);
            rows.add(new PeopleService.IncomingRow(r, rec.line(), row, errors));
        }
        return rows;
    }

    /** An empty cell is an absent value. */
    private static String cell(Csv.Record rec, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        if (i == null || i >= rec.fields().size()) {
            return null;
        }
        String v = rec.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
