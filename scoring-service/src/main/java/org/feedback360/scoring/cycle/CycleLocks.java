package org.feedback360.scoring.cycle;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Transaction-scoped PostgreSQL advisory locks per cycle. The two topics are consumed
 * concurrently (and by several replicas): without this, a CycleOpened and the first responses
 * committing at the same moment would each miss the other's rows and nobody would compute the
 * subject; a CycleReleased and a late response could each decide the other freezes the report.
 */
@ApplicationScoped
public class CycleLocks {

    /** Takes the locks in one global order (sorted ids), so two transactions never deadlock on them. */
    public void lock(Connection c, Collection<CycleId> cycles) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            for (CycleId cycle : new TreeSet<>(cycles)) {
                s.setString(1, "scoring-cycle/" + cycle);
                s.executeQuery().close();
            }
        }
    }
}
