package org.feedback360.scoring.rating;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.cycle.SubjectKeys;
import org.feedback360.scoring.db.JsonColumns;
import org.feedback360.scoring.db.Timestamps;
import org.feedback360.scoring.engine.RaterGroup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The stored ratings ({@code submission} table), through the caller's connection. */
@ApplicationScoped
public class RatingStore {

    private static final String COLUMNS = """
            tenant_id, cycle_id, subject_id, rater_key, rater_group, revision, event_id, answers, comments""";
    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> COMMENTS = new TypeReference<>() {
    };

    @Inject
    JsonColumns json;

    /**
     * Stores each rating unless the stored one of its rater supersedes it (same rule as
     * {@link Rating#supersedes}, in SQL), as one JDBC batch.
     */
    public void save(Connection c, Collection<Rating> ratings) throws SQLException {
        // One row per rater per statement: a multi-row upsert may not touch a row twice.
        List<Rating> latest = Ratings.latest(ratings);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO submission (%s, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, clock_timestamp())
                ON CONFLICT (tenant_id, cycle_id, subject_id, rater_key) DO UPDATE SET
                    rater_group = EXCLUDED.rater_group, revision = EXCLUDED.revision, event_id = EXCLUDED.event_id,
                    answers = EXCLUDED.answers, comments = EXCLUDED.comments, applied_at = EXCLUDED.applied_at
                WHERE (submission.revision, submission.event_id) < (EXCLUDED.revision, EXCLUDED.event_id)"""
                .formatted(COLUMNS))) {
            for (Rating r : latest) {
                int i = 0;
                s.setString(++i, r.subject().tenant());
                s.setObject(++i, r.subject().cycleId());
                s.setString(++i, r.subject().subjectId());
                s.setString(++i, r.raterKey());
                s.setString(++i, r.group().name());
                s.setInt(++i, r.revision());
                s.setObject(++i, r.eventId());
                s.setString(++i, json.write(r.answers()));
                s.setString(++i, json.write(r.comments()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The stored ratings of the given subjects. */
    public Map<SubjectKey, List<Rating>> load(Connection c, Collection<SubjectKey> subjects) throws SQLException {
        Map<SubjectKey, List<Rating>> found = new HashMap<>();
        if (subjects.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM submission WHERE " + SubjectKeys.IN)) {
            SubjectKeys.bind(c, s, 1, subjects);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Rating rating = read(r);
                    found.computeIfAbsent(rating.subject(), k -> new ArrayList<>()).add(rating);
                }
            }
        }
        return found;
    }

    /** The subjects of a cycle that have stored ratings. */
    public Set<String> subjectsWithRatings(Connection c, CycleId cycle) throws SQLException {
        Set<String> subjects = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT subject_id FROM submission WHERE tenant_id = ? AND cycle_id = ?")) {
            s.setString(1, cycle.tenant());
            s.setObject(2, cycle.cycleId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    subjects.add(r.getString(1));
                }
            }
        }
        return subjects;
    }

    /** Subjects with a rating stored since the instant (of one tenant, or of all when null). */
    public Set<SubjectKey> changedSince(Connection c, Instant since, String tenant) throws SQLException {
        Set<SubjectKey> changed = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT tenant_id, cycle_id, subject_id FROM submission
                WHERE applied_at >= ? AND (?::text IS NULL OR tenant_id = ?::text)""")) {
            s.setTimestamp(1, Timestamps.of(since));
            s.setString(2, tenant);
            s.setString(3, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changed.add(new SubjectKey(r.getString(1), r.getObject(2, UUID.class), r.getString(3)));
                }
            }
        }
        return changed;
    }

    /** Every non-self rating of a cycle (all subjects), for Cronbach's alpha. */
    public List<Rating> nonSelf(Connection c, CycleId cycle) throws SQLException {
        List<Rating> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM submission WHERE tenant_id = ? AND cycle_id = ? AND rater_group <> 'SELF'")) {
            s.setString(1, cycle.tenant());
            s.setObject(2, cycle.cycleId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(read(r));
                }
            }
        }
        return found;
    }

    /**
     * Streams every stored rating (of one tenant, or of all when {@code tenant} is null), subject by
     * subject, so that a rebuild holds one subject in memory at a time. Needs auto-commit off: the
     * driver streams rows only then.
     */
    public void forEachSubject(Connection c, String tenant, Consumer<List<Rating>> subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM submission WHERE (?::text IS NULL OR tenant_id = ?::text)"
                + " ORDER BY tenant_id, cycle_id, subject_id")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            // Without a fetch size the driver would read the whole table into memory.
            s.setFetchSize(5_000);
            List<Rating> current = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Rating rating = read(r);
                    if (!current.isEmpty() && !current.get(0).subject().equals(rating.subject())) {
                        subject.accept(current);
                        current = new ArrayList<>();
                    }
                    current.add(rating);
                }
            }
            if (!current.isEmpty()) {
                subject.accept(current);
            }
        }
    }

    private Rating read(ResultSet r) throws SQLException {
        return new Rating(new SubjectKey(r.getString("tenant_id"), r.getObject("cycle_id", UUID.class),
                r.getString("subject_id")), r.getString("rater_key"), RaterGroup.valueOf(r.getString("rater_group")),
                r.getInt("revision"), r.getObject("event_id", UUID.class), json.read(r.getString("answers"), ANSWERS),
                json.read(r.getString("comments"), COMMENTS));
    }
}
