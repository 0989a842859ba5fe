package org.feedback360.scoring.support;

import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;

/**
 * A tenant's aggregates (their summaries) and frozen reports as stored, for comparing one state
 * with another. Each row: {@code {"submissions": n, "report": <summary or report JSON>}}.
 */
public record StoredState(TreeMap<String, JsonNode> aggregates, TreeMap<String, JsonNode> reports) {

    public static StoredState of(DataSource dataSource, String tenant) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return new StoredState(
                    read(c, "SELECT cycle_id, subject_id, submissions, summary AS report FROM subject_aggregate WHERE tenant_id = ?", tenant),
                    read(c, "SELECT cycle_id, subject_id, submissions, report FROM report WHERE tenant_id = ?", tenant));
        }
    }

    private static TreeMap<String, JsonNode> read(Connection c, String sql, String tenant) throws SQLException {
        TreeMap<String, JsonNode> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String report = r.getString("report");
                    var row = TestEvents.JSON.createObjectNode().put("submissions", r.getInt("submissions"));
                    row.set("report", report == null ? null : TestEvents.JSON.readTree(report));
                    rows.put(r.getString("cycle_id") + "/" + r.getString("subject_id"), row);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    /** @return null when both states hold the same rows with numbers within the tolerance */
    public String difference(StoredState other, double tolerance) {
        String d = rows("aggregates", aggregates, other.aggregates, tolerance);
        return d != null ? d : reportsDifference(other, tolerance);
    }

    /** The same, for the frozen reports only. */
    public String reportsDifference(StoredState other, double tolerance) {
        return rows("reports", reports, other.reports, tolerance);
    }

    private static String rows(String what, TreeMap<String, JsonNode> a, TreeMap<String, JsonNode> b, double tolerance) {
        if (!a.keySet().equals(b.keySet())) {
            return what + ": " + a.keySet() + " vs " + b.keySet();
        }
        for (String key : a.keySet()) {
            String d = JsonClose.difference(a.get(key), b.get(key), tolerance);
            if (d != null) {
                return what + " " + key + " " + d;
            }
        }
        return null;
    }
}
