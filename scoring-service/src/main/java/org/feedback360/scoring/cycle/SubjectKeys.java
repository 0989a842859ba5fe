package org.feedback360.scoring.cycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Selecting rows of many subjects in one statement: three parallel arrays, unnested. */
public final class SubjectKeys {

    /** A WHERE condition with three parameters: bind them with {@link #bind}. */
    public static final String IN =
            "(tenant_id, cycle_id, subject_id) IN (SELECT * FROM unnest(?::text[], ?::uuid[], ?::text[]))";

    private SubjectKeys() {
    }

    /** Binds the subjects to the three parameters of {@link #IN}, starting at {@code first}. */
    public static void bind(Connection c, PreparedStatement s, int first, Collection<SubjectKey> subjects)
            throws SQLException {
        s.setArray(first, c.createArrayOf("text", subjects.stream().map(SubjectKey::tenant).toArray()));
        s.setArray(first + 1, c.createArrayOf("uuid", subjects.stream().map(SubjectKey::cycleId).toArray()));
        s.setArray(first + 2, c.createArrayOf("text", subjects.stream().map(SubjectKey::subjectId).toArray()));
    }
}
