package org.feedback360.scoring.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.cycle.SubjectKeys;
import org.feedback360.scoring.db.JsonColumns;
import org.feedback360.scoring.db.Timestamps;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.scoring.engine.WithheldReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code report} table of frozen reports, through the caller's connection. */
@ApplicationScoped
public class ReportStore {

    private static final String HEADLINE = """
            tenant_id, cycle_id, subject_id, submissions, followers_basis, alignment_index, category,
            alignment_withheld, released_at, frozen_at""";

    @Inject
    JsonColumns json;

    /** A report as written: serialised once, with that text's digest. */
    public record Row(FrozenReport report, String json, String digest) {
    }

    public Row row(FrozenReport report) {
        String text = json.write(report.report());
        return new Row(report, text, JsonColumns.digest(text));
    }

    /** The digests of the given subjects' frozen reports (those that have one). */
    public Map<SubjectKey, String> digests(Connection c, Collection<SubjectKey> subjects) throws SQLException {
        Map<SubjectKey, String> found = new HashMap<>();
        if (subjects.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT tenant_id, cycle_id, subject_id, digest FROM report WHERE " + SubjectKeys.IN)) {
            SubjectKeys.bind(c, s, 1, subjects);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(key(r), r.getString("digest"));
                }
            }
        }
        return found;
    }

    /** Freezes reports (one JDBC batch); the caller made sure none of them is frozen yet. */
    public void insert(Connection c, Collection<Row> rows) throws SQLException {
        write(c, rows, "");
    }

    /** Rewrites frozen reports that a rebuild found to differ (their freeze time stays). */
    public void replace(Connection c, Collection<Row> rows) throws SQLException {
        write(c, rows, """
                ON CONFLICT (tenant_id, cycle_id, subject_id) DO UPDATE SET
                    report = EXCLUDED.report, digest = EXCLUDED.digest, submissions = EXCLUDED.submissions,
                    followers_basis = EXCLUDED.followers_basis, alignment_index = EXCLUDED.alignment_index,
                    category = EXCLUDED.category, alignment_withheld = EXCLUDED.alignment_withheld,
                    released_at = EXCLUDED.released_at""");
    }

    private void write(Connection c, Collection<Row> rows, String onConflict) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO report (tenant_id, cycle_id, subject_id, report, digest, submissions, followers_basis,
                                    alignment_index, category, alignment_withheld, released_at, frozen_at)
                VALUES (?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?, ?, ?)
                """ + onConflict)) {
            for (Row row : rows) {
                FrozenReport report = row.report();
                FrozenReport.Headline h = report.headline();
                int i = 0;
                s.setString(++i, report.subject().tenant());
                s.setObject(++i, report.subject().cycleId());
                s.setString(++i, report.subject().subjectId());
                s.setString(++i, row.json());
                s.setString(++i, row.digest());
                s.setInt(++i, report.submissions());
                s.setString(++i, h.followersBasis().name());
                if (h.alignmentIndex() == null) {
                    s.setNull(++i, Types.DOUBLE);
                } else {
                    s.setDouble(++i, h.alignmentIndex());
                }
                s.setString(++i, h.category() == null ? null : h.category().name());
                s.setString(++i, h.alignmentWithheld() == null ? null : h.alignmentWithheld().name());
                s.setTimestamp(++i, Timestamps.of(report.releasedAt()));
                s.setTimestamp(++i, Timestamps.of(report.frozenAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * A frozen report as stored, its JSON unparsed.
     *
     * @param json the report serialised as the API shows it ({@link #row}); a change to that shape
     *             reaches stored reports through a rebuild, which rewrites every report whose text differs
     */
    public record Text(SubjectKey subject, String json, Instant releasedAt) {
    }

    /** A report's stored text: what a reader who may see all of it is sent as it is, without parsing it again. */
    public Optional<Text> findText(Connection c, SubjectKey subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT report, released_at FROM report WHERE tenant_id = ? AND cycle_id = ? AND subject_id = ?")) {
            s.setString(1, subject.tenant());
            s.setObject(2, subject.cycleId());
            s.setString(3, subject.subjectId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Text(subject, r.getString("report"), Timestamps.instant(r.getTimestamp("released_at"))))
                        : Optional.empty();
            }
        }
    }

    public SubjectReport parse(Text text) {
        return json.read(text.json(), SubjectReport.class);
    }

    /** The full reports of a cycle, by subject id (for HR's analytics). */
    public List<FrozenReport> ofCycle(Connection c, CycleId cycle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEADLINE + " " + """
                , report FROM report WHERE tenant_id = ? AND cycle_id = ? ORDER BY subject_id""")) {
            s.setString(1, cycle.tenant());
            s.setObject(2, cycle.cycleId());
            return fullList(s);
        }
    }

    /** A subject's full reports across the tenant's cycles, in release order (for the trend). */
    public List<FrozenReport> ofSubject(Connection c, String tenant, String subjectId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEADLINE + " " + """
                , report FROM report WHERE tenant_id = ? AND subject_id = ? ORDER BY released_at, cycle_id""")) {
            s.setString(1, tenant);
            s.setString(2, subjectId);
            return fullList(s);
        }
    }

    /** One page of a tenant's report headlines, newest release first; null filters match everything. */
    public List<FrozenReport.Headline> headlines(Connection c, String tenant, UUID cycleId, String subjectId,
                                                 int offset, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEADLINE + " " + """
                 FROM report WHERE tenant_id = ? AND (?::uuid IS NULL OR cycle_id = ?::uuid)
                    AND (?::text IS NULL OR subject_id = ?::text)
                 ORDER BY released_at DESC, cycle_id, subject_id OFFSET ? LIMIT ?""")) {
            bindFilter(s, tenant, cycleId, subjectId);
            s.setInt(6, offset);
            s.setInt(7, limit);
            List<FrozenReport.Headline> page = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    page.add(headline(r));
                }
            }
            return page;
        }
    }

    public long count(Connection c, String tenant, UUID cycleId, String subjectId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT count(*) FROM report WHERE tenant_id = ? AND (?::uuid IS NULL OR cycle_id = ?::uuid)
                    AND (?::text IS NULL OR subject_id = ?::text)""")) {
            bindFilter(s, tenant, cycleId, subjectId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void bindFilter(PreparedStatement s, String tenant, UUID cycleId, String subjectId)
            throws SQLException {
        s.setString(1, tenant);
        s.setObject(2, cycleId, Types.OTHER);
        s.setObject(3, cycleId, Types.OTHER);
        s.setString(4, subjectId);
        s.setString(5, subjectId);
    }

    private List<FrozenReport> fullList(PreparedStatement s) throws SQLException {
        List<FrozenReport> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(full(r));
            }
        }
        return found;
    }

    private FrozenReport full(ResultSet r) throws SQLException {
        return new FrozenReport(key(r), json.read(r.getString("report"), SubjectReport.class), r.getInt("submissions"),
                Timestamps.instant(r.getTimestamp("released_at")), Timestamps.instant(r.getTimestamp("frozen_at")));
    }

    private static FrozenReport.Headline headline(ResultSet r) throws SQLException {
        double index = r.getDouble("alignment_index");
        Double alignmentIndex = r.wasNull() ? null : index;
        String category = r.getString("category");
        String withheld = r.getString("alignment_withheld");
        return new FrozenReport.Headline(key(r), FollowersBasis.valueOf(r.getString("followers_basis")),
                alignmentIndex, category == null ? null : AgreementCategory.valueOf(category),
                withheld == null ? null : WithheldReason.valueOf(withheld), r.getInt("submissions"),
                Timestamps.instant(r.getTimestamp("released_at")), Timestamps.instant(r.getTimestamp("frozen_at")));
    }

    private static SubjectKey key(ResultSet r) throws SQLException {
        return new SubjectKey(r.getString("tenant_id"), r.getObject("cycle_id", UUID.class), r.getString("subject_id"));
    }
}
