package org.feedback360.scoring.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.cycle.SubjectKeys;
import org.feedback360.scoring.db.JsonColumns;
import org.feedback360.scoring.db.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The {@code subject_aggregate} table, through the caller's connection. */
@ApplicationScoped
public class AggregateStore {

    @Inject
    JsonColumns json;

    /** An aggregate as written: its summary serialised once, and that text's digest. */
    public record Row(Aggregate aggregate, String summary, String digest) {
        /** What a rebuild compares with the stored row. */
        public Stored stored() {
            return new Stored(aggregate.submissions(), digest);
        }
    }

    /** What is stored of an aggregate, enough to tell whether a recomputed one differs. */
    public record Stored(int submissions, String digest) {
    }

    public Row row(Aggregate aggregate) {
        String summary = aggregate.summary() == null ? null : json.write(aggregate.summary());
        return new Row(aggregate, summary, summary == null ? null : JsonColumns.digest(summary));
    }

    /**
     * Writes the consumer's aggregates as one JDBC batch: scores replaced, applied-event count
     * increased, {@code updated_at} stamped with the wall clock (not the transaction start) so
     * that {@code updated_at − last_event_at} is the lag from submission to aggregate.
     */
    public void save(Connection c, Collection<Row> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO subject_aggregate (tenant_id, cycle_id, subject_id, submissions, summary, digest,
                                               applied_events, last_event_at, updated_at)
                VALUES (?, ?, ?, ?, ?::json, ?, ?, ?, clock_timestamp())
                ON CONFLICT (tenant_id, cycle_id, subject_id) DO UPDATE SET
                    submissions = EXCLUDED.submissions, summary = EXCLUDED.summary, digest = EXCLUDED.digest,
                    applied_events = subject_aggregate.applied_events + EXCLUDED.applied_events,
                    last_event_at = GREATEST(subject_aggregate.last_event_at, EXCLUDED.last_event_at),
                    updated_at = EXCLUDED.updated_at""")) {
            for (Row row : rows) {
                bind(s, row);
                s.setLong(7, row.aggregate().newEvents());
                s.setTimestamp(8, Timestamps.of(row.aggregate().lastEventAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Writes rebuilt aggregates as one JDBC batch, leaving the consumer's applied-event counts alone. */
    public void replace(Connection c, Collection<Row> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO subject_aggregate (tenant_id, cycle_id, subject_id, submissions, summary, digest, updated_at)
                VALUES (?, ?, ?, ?, ?::json, ?, clock_timestamp())
                ON CONFLICT (tenant_id, cycle_id, subject_id) DO UPDATE SET
                    submissions = EXCLUDED.submissions, summary = EXCLUDED.summary, digest = EXCLUDED.digest,
                    updated_at = EXCLUDED.updated_at""")) {
            for (Row row : rows) {
                bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, Row row) throws SQLException {
        s.setString(1, row.aggregate().subject().tenant());
        s.setObject(2, row.aggregate().subject().cycleId());
        s.setString(3, row.aggregate().subject().subjectId());
        s.setInt(4, row.aggregate().submissions());
        if (row.summary() == null) {
            s.setNull(5, Types.VARCHAR);
            s.setNull(6, Types.VARCHAR);
        } else {
            s.setString(5, row.summary());
            s.setString(6, row.digest());
        }
    }

    /** What is stored of the given subjects' aggregates (those that have one). */
    public Map<SubjectKey, Stored> stored(Connection c, Collection<SubjectKey> subjects) throws SQLException {
        Map<SubjectKey, Stored> found = new HashMap<>();
        if (subjects.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT tenant_id, cycle_id, subject_id, submissions, digest FROM subject_aggregate WHERE " + SubjectKeys.IN)) {
            SubjectKeys.bind(c, s, 1, subjects);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(new SubjectKey(r.getString(1), r.getObject(2, UUID.class), r.getString(3)),
                            new Stored(r.getInt(4), r.getString(5)));
                }
            }
        }
        return found;
    }

    /** Stored submissions per subject of a cycle: the response counts HR sees while a cycle runs. */
    public Map<String, Integer> submissionCounts(Connection c, CycleId cycle) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT subject_id, submissions FROM subject_aggregate
                WHERE tenant_id = ? AND cycle_id = ? ORDER BY subject_id""")) {
            s.setString(1, cycle.tenant());
            s.setObject(2, cycle.cycleId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return counts;
    }
}
