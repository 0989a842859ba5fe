package org.feedback360.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Watches scoring-service's {@code subject_aggregate} rows of one cycle while the stream runs,
 * noting every new state of a row (count of applied responses, {@code updated_at}). Read-only: its
 * own connection is opened read-only, and it reads only the small columns, by primary-key prefix.
 *
 * <p>The table keeps only each row's latest state, so the states in between are only seen by
 * looking often: when one subject's row is written twice within one poll interval, the earlier
 * state is missed and the acknowledgements it applied are credited the later {@code updated_at},
 * an overstatement bounded by the poll interval.
 *
 * <p>While the stream runs it reads only the rows written in the last {@value #RECENT_SECONDS}
 * seconds (the others cannot have changed): with 2,000 subjects, reading every row ten times a
 * second doubled the load generator's CPU, on the cores the platform under test shares. A state
 * committed more than that after its write would be missed, and its acknowledgements credited a
 * later state's time: an overstatement, never an understatement.
 */
final class AggregateWatch implements AutoCloseable {

    static final int RECENT_SECONDS = 5;

    private final Connection db;
    private final PreparedStatement all;
    private final PreparedStatement recent;
    private final Duration interval;
    private final Map<String, Lag.Observation> latest = new HashMap<>();
    private final List<Lag.Observation> seen = new ArrayList<>();
    private volatile boolean running;
    private Thread poller;
    private SQLException failure;

    AggregateWatch(String url, String user, String password, String tenant, String cycleId, Duration interval)
            throws SQLException {
        this.interval = interval;
        db = DriverManager.getConnection(url, user, password);
        db.setReadOnly(true);
        String rows = """
                SELECT subject_id, applied_events, updated_at FROM subject_aggregate
                WHERE tenant_id = ? AND cycle_id = ?""";
        all = db.prepareStatement(rows);
        recent = db.prepareStatement(rows + " AND updated_at > clock_timestamp() - make_interval(secs => " + RECENT_SECONDS + ")");
        for (PreparedStatement query : List.of(all, recent)) {
            query.setString(1, tenant);
            query.setObject(2, UUID.fromString(cycleId));
        }
    }

    /** Each subject's count of applied responses now. */
    synchronized Map<String, Long> counts() throws SQLException {
        poll(all);
        Map<String, Long> counts = new HashMap<>();
        latest.forEach((s, o) -> counts.put(s, o.appliedEvents()));
        return counts;
    }

    /**
     * Waits until no row changed for {@code quiet}: the backlog of an earlier phase is applied, so
     * the counts taken next are a true baseline.
     *
     * @return whether it got quiet before the timeout
     */
    boolean awaitQuiet(Duration quiet, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastChange = System.nanoTime();
        int states = -1;
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                poll(all);
                if (seen.size() != states) {
                    states = seen.size();
                    lastChange = System.nanoTime();
                }
            }
            if (System.nanoTime() - lastChange >= quiet.toNanos()) {
                return true;
            }
            Load.sleepNanos(interval.toNanos());
        }
        return false;
    }

    void start() {
        running = true;
        poller = new Thread(() -> {
            while (running) {
                try {
                    synchronized (this) {
                        poll(recent);
                    }
                } catch (SQLException e) {
                    failure = e;
                    return;
                }
                Load.sleepNanos(interval.toNanos());
            }
        }, "aggregate-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Keeps watching after the load until every subject's count reached its target (every
     * acknowledged submission applied) or the timeout passed.
     */
    boolean awaitCounts(Map<String, Long> targets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (targets.entrySet().stream().allMatch(t -> latest.containsKey(t.getKey())
                        && latest.get(t.getKey()).appliedEvents() >= t.getValue())) {
                    return true;
                }
            }
            Load.sleepNanos(interval.toNanos());
        }
        return false;
    }

    /** @return every distinct row state seen */
    List<Lag.Observation> stop() throws SQLException, InterruptedException {
        running = false;
        poller.join();
        if (failure != null) {
            throw failure;
        }
        synchronized (this) {
            return List.copyOf(seen);
        }
    }

    int pollMillis() {
        return (int) interval.toMillis();
    }

    private void poll(PreparedStatement query) throws SQLException {
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                Lag.Observation o = new Lag.Observation(r.getString(1), r.getLong(2),
                        ChronoUnit.MICROS.between(java.time.Instant.EPOCH, r.getTimestamp(3).toInstant()));
                Lag.Observation before = latest.put(o.subject(), o);
                if (!o.equals(before)) {
                    seen.add(o);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        db.close();
    }
}
