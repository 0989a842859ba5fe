package org.feedback360.scoring.events;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Records event ids in the caller's transaction, so that a redelivered event changes nothing. */
@ApplicationScoped
public class ProcessedEvents {

    /** @return the ids not seen before (now recorded); the others were applied already */
    public Set<UUID> markProcessed(Connection c, Collection<UUID> ids, String topic) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        if (ids.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO processed_event (event_id, topic) SELECT DISTINCT unnest(?::uuid[]), ?
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.setString(2, topic);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    fresh.add(r.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }
}
