package org.feedback360.scoring.cycle;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.db.JsonColumns;
import org.feedback360.scoring.db.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code cycle} table, through the caller's JDBC connection (and so its transaction). */
@ApplicationScoped
public class CycleStore {

    private static final String COLUMNS = """
            tenant_id, cycle_id, name, state, instrument_key, instrument_version, definition, subjects,
            anonymity_threshold, manager_visible, completion, opened_at, closed_at, released_at""";

    private static final TypeReference<List<Person>> PEOPLE = new TypeReference<>() {
    };

    /**
     * Cycles kept parsed for {@link #findCurrent}, the most recently read ones: reads go mostly to
     * the few cycles just released, and one of 2,000 subjects holds about 1 MB of the heap.
     */
    private static final int CACHED_CYCLES = 16;

    @Inject
    JsonColumns json;

    private record Versioned(Cycle cycle, Instant updatedAt) {
    }

    private final Map<CycleId, Versioned> parsed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CycleId, Versioned> eldest) {
                    return size() > CACHED_CYCLES;
                }
            });

    /**
     * Stores the cycle as announced, unless a later state is stored already (an older event
     * arriving late never moves a cycle back).
     *
     * @return whether the stored cycle is now this one
     */
    public boolean save(Connection c, Cycle cycle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO cycle (%s, state_rank, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, clock_timestamp())
                ON CONFLICT (tenant_id, cycle_id) DO UPDATE SET
                    name = EXCLUDED.name, state = EXCLUDED.state, state_rank = EXCLUDED.state_rank,
                    instrument_key = EXCLUDED.instrument_key, instrument_version = EXCLUDED.instrument_version,
                    definition = EXCLUDED.definition, subjects = EXCLUDED.subjects,
                    anonymity_threshold = EXCLUDED.anonymity_threshold, manager_visible = EXCLUDED.manager_visible,
                    completion = COALESCE(EXCLUDED.completion, cycle.completion),
                    opened_at = EXCLUDED.opened_at, closed_at = EXCLUDED.closed_at,
                    released_at = EXCLUDED.released_at, updated_at = EXCLUDED.updated_at
                WHERE cycle.state_rank <= EXCLUDED.state_rank""".formatted(COLUMNS))) {
            int i = 0;
            s.setString(++i, cycle.tenant());
            s.setObject(++i, cycle.cycleId());
            s.setString(++i, cycle.name());
            s.setString(++i, cycle.state().name());
            s.setString(++i, cycle.instrumentKey());
            s.setInt(++i, cycle.instrumentVersion());
            s.setString(++i, json.write(cycle.definition()));
            s.setString(++i, json.write(cycle.subjects()));
            s.setInt(++i, cycle.anonymityThreshold());
            s.setBoolean(++i, cycle.managerVisible());
            if (cycle.completion() == null) {
                s.setNull(++i, Types.VARCHAR);
            } else {
                s.setString(++i, json.write(cycle.completion()));
            }
            s.setTimestamp(++i, Timestamps.of(cycle.openedAt()));
            s.setTimestamp(++i, Timestamps.of(cycle.closedAt()));
            s.setTimestamp(++i, Timestamps.of(cycle.releasedAt()));
            s.setInt(++i, cycle.state().rank());
            return s.executeUpdate() == 1;
        }
    }

    public Optional<Cycle> find(Connection c, CycleId id) throws SQLException {
        return Optional.ofNullable(find(c, List.of(id)).get(id));
    }

    /**
     * The cycle as stored now, for reads of reports. A cycle row carries its subjects and completion
     * counts: for 2,000 subjects about 400 KB of JSON that PostgreSQL de-TOASTs and the service
     * parses, some 30 ms per report read. Parsed cycles are kept and reused while the row's
     * {@code updated_at} (set on every change) is the one they were read at, which one index lookup
     * checks.
     */
    public Optional<Cycle> findCurrent(Connection c, CycleId id) throws SQLException {
        Instant updatedAt;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT updated_at FROM cycle WHERE tenant_id = ? AND cycle_id = ?")) {
            s.setString(1, id.tenant());
            s.setObject(2, id.cycleId());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                updatedAt = Timestamps.instant(r.getTimestamp(1));
            }
        }
        Versioned known = parsed.get(id);
        if (known != null && known.updatedAt().equals(updatedAt)) {
            return Optional.of(known.cycle());
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", updated_at FROM cycle"
                + " WHERE tenant_id = ? AND cycle_id = ?")) {
            s.setString(1, id.tenant());
            s.setObject(2, id.cycleId());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Cycle cycle = read(r);
                parsed.put(id, new Versioned(cycle, Timestamps.instant(r.getTimestamp("updated_at"))));
                return Optional.of(cycle);
            }
        }
    }

    public Map<CycleId, Cycle> find(Connection c, Collection<CycleId> ids) throws SQLException {
        Map<CycleId, Cycle> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " " + """
                 FROM cycle WHERE (tenant_id, cycle_id) IN (SELECT * FROM unnest(?::text[], ?::uuid[]))""")) {
            s.setArray(1, c.createArrayOf("text", ids.stream().map(CycleId::tenant).toArray()));
            s.setArray(2, c.createArrayOf("uuid", ids.stream().map(CycleId::cycleId).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Cycle cycle = read(r);
                    found.put(cycle.id(), cycle);
                }
            }
        }
        return found;
    }

    /** Every cycle of a tenant, or of every tenant when {@code tenant} is null (for a rebuild). */
    public List<Cycle> all(Connection c, String tenant) throws SQLException {
        return select(c, "(?::text IS NULL OR tenant_id = ?::text)", tenant, null);
    }

    /** Cycles whose announcement changed since the instant (of one tenant, or of all when null). */
    public List<Cycle> changedSince(Connection c, Instant since, String tenant) throws SQLException {
        return select(c, "(?::text IS NULL OR tenant_id = ?::text) AND updated_at >= ?", tenant, since);
    }

    private List<Cycle> select(Connection c, String where, String tenant, Instant since) throws SQLException {
        List<Cycle> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM cycle WHERE " + where
                + " ORDER BY tenant_id, cycle_id")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            if (since != null) {
                s.setTimestamp(3, Timestamps.of(since));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(read(r));
                }
            }
        }
        return found;
    }

    private Cycle read(ResultSet r) throws SQLException {
        String completion = r.getString("completion");
        return new Cycle(r.getString("tenant_id"), r.getObject("cycle_id", UUID.class), r.getString("name"),
                CycleState.valueOf(r.getString("state")), r.getString("instrument_key"),
                r.getInt("instrument_version"), json.read(r.getString("definition"), InstrumentDefinition.class),
                json.read(r.getString("subjects"), PEOPLE), r.getInt("anonymity_threshold"), r.getBoolean("manager_visible"),
                completion == null ? null : json.read(completion, Completion.class),
                Timestamps.instant(r.getTimestamp("opened_at")), Timestamps.instant(r.getTimestamp("closed_at")),
                Timestamps.instant(r.getTimestamp("released_at")));
    }
}
