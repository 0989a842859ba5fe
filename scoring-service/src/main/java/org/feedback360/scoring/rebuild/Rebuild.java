package org.feedback360.scoring.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.ScoringConfig;
import org.feedback360.scoring.aggregate.Aggregate;
import org.feedback360.scoring.aggregate.AggregateService;
import org.feedback360.scoring.aggregate.AggregateStore;
import org.feedback360.scoring.aggregate.SubjectScoring;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleId;
import org.feedback360.scoring.cycle.CycleLocks;
import org.feedback360.scoring.cycle.CycleStore;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.engine.ReportCalculator;
import org.feedback360.scoring.events.FeedbackEvents;
import org.feedback360.scoring.rating.Rating;
import org.feedback360.scoring.rating.RatingStore;
import org.feedback360.scoring.report.FrozenReport;
import org.feedback360.scoring.report.ReportFreezer;
import org.feedback360.scoring.report.ReportPublisher;
import org.feedback360.scoring.report.ReportStore;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recomputes every aggregate and every frozen report from scratch, from the stored ratings or from
 * a replay of the topics, with the same engine and the same rules as the consumer, and says how
 * many differed from what was stored (0 when the consumer's state was right).
 *
 * <p>Built for speed: the state is gathered first (a replay keeps only the latest revision per
 * rater, in memory), each subject is computed once, on several threads, and written in JDBC
 * batches, one transaction per chunk of subjects under the chunk's cycle locks. The service may
 * keep consuming meanwhile: subjects whose ratings or cycle changed while the rebuild ran are
 * recomputed from the store at the end ("catch-up"), so a rebuild never leaves older numbers behind.
 * An operator action: run it with the command {@code rebuild} (see {@link org.feedback360.scoring.ScoringMain}).
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    @Inject
    DataSource dataSource;
    @Inject
    ScoringConfig config;
    @Inject
    FeedbackEvents events;
    @Inject
    CycleStore cycles;
    @Inject
    CycleLocks locks;
    @Inject
    RatingStore ratings;
    @Inject
    AggregateStore aggregates;
    @Inject
    ReportStore reports;
    @Inject
    ReportPublisher publisher;
    @Inject
    AggregateService aggregateService;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** @param tenant only this tenant, or every tenant when null */
    public RebuildSummary fromStore(String tenant) throws Exception {
        long t0 = System.nanoTime();
        Instant start = databaseNow();
        Map<CycleId, Cycle> known = new HashMap<>();
        AtomicLong read = new AtomicLong();
        try (Writer writer = new Writer(known)) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false); // a cursor, outside any JTA transaction
                cycles.all(c, tenant).forEach(cycle -> known.put(cycle.id(), cycle));
                ratings.forEachSubject(c, tenant, subject -> {
                    read.addAndGet(subject.size());
                    writer.add(subject.get(0).subject(), subject);
                });
                c.commit();
            }
            long readMillis = millisSince(t0);
            writer.addSubjectsWithoutRatings();
            writer.finish();
            long caughtUp = catchUp(start, tenant);
            return logged(writer.summary("store", tenant, read.get(), read.get(), caughtUp, readMillis, t0));
        }
    }

    /** @param tenant only this tenant, or every tenant when null */
    public RebuildSummary fromTopic(String tenant) throws Exception {
        long t0 = System.nanoTime();
        Instant start = databaseNow();
        AtomicLong read = new AtomicLong();
        Replay replay = new TopicReplay(kafkaConfig, events, threads())
                .read(config.topics().cycles(), config.topics().responses(), tenant, read);
        long readMillis = millisSince(t0);
        Map<CycleId, Cycle> known = new HashMap<>(replay.cycles());
        try (Writer writer = new Writer(known)) {
            replay.bySubject().forEach(writer::add);
            writer.addSubjectsWithoutRatings();
            writer.finish();
            long caughtUp = catchUp(start, tenant);
            return logged(writer.summary("topic", tenant, read.get(), replay.ratings(), caughtUp, readMillis, t0));
        }
    }

    /**
     * Recomputes, from the store, the subjects whose ratings or cycle the consumer changed after the
     * rebuild began: the rebuild may have written older numbers for them.
     */
    private long catchUp(Instant since, String tenant) throws SQLException {
        Set<SubjectKey> subjects = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            subjects.addAll(ratings.changedSince(c, since, tenant));
            for (Cycle cycle : cycles.changedSince(c, since, tenant)) {
                cycle.subjectIds().forEach(s -> subjects.add(SubjectKey.of(cycle.id(), s)));
                ratings.subjectsWithRatings(c, cycle.id()).forEach(s -> subjects.add(SubjectKey.of(cycle.id(), s)));
            }
        }
        if (!subjects.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    locks.lock(c, subjects.stream().map(SubjectKey::cycle).distinct().toList());
                    aggregateService.refresh(c, subjects, Map.of());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            LOG.infof("Rebuild caught up with %d subjects changed while it ran", subjects.size());
        }
        return subjects.size();
    }

    private static RebuildSummary logged(RebuildSummary summary) {
        LOG.infof("Rebuild done: %s", summary);
        return summary;
    }

    private Instant databaseNow() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT clock_timestamp()")) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }

    private int threads() {
        return config.rebuild().threads() > 0 ? config.rebuild().threads() : Runtime.getRuntime().availableProcessors();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * Computes subjects in chunks on a thread pool and writes each chunk in one transaction while
     * the next is computed.
     */
    private final class Writer implements AutoCloseable {

        private final Map<CycleId, Cycle> known;
        private final Map<CycleId, ReportCalculator> calculators = new ConcurrentHashMap<>();
        private final ExecutorService compute = Executors.newFixedThreadPool(threads());
        private final Set<SubjectKey> seen = new HashSet<>();
        private List<Map.Entry<SubjectKey, List<Rating>>> chunk = new ArrayList<>();
        private final Deque<CompletableFuture<Void>> writes = new ArrayDeque<>();
        private final AtomicLong aggregatesChanged = new AtomicLong();
        private final AtomicLong reportsChanged = new AtomicLong();
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong writeNanos = new AtomicLong();
        private long subjects;

        Writer(Map<CycleId, Cycle> known) {
            this.known = known;
        }

        void add(SubjectKey subject, List<Rating> subjectRatings) {
            seen.add(subject);
            chunk.add(Map.entry(subject, subjectRatings));
            if (chunk.size() >= config.rebuild().writeBatch()) {
                flush();
            }
        }

        /** The subjects a cycle names that have no rating at all: they get an (empty) aggregate and report too. */
        void addSubjectsWithoutRatings() {
            for (Cycle cycle : known.values()) {
                for (String subjectId : cycle.subjectIds()) {
                    SubjectKey key = SubjectKey.of(cycle.id(), subjectId);
                    if (!seen.contains(key)) {
                        add(key, List.of());
                    }
                }
            }
        }

        void finish() {
            flush();
            writes.forEach(CompletableFuture::join);
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<Map.Entry<SubjectKey, List<Rating>>> work = chunk;
            chunk = new ArrayList<>();
            subjects += work.size();
            List<CompletableFuture<Computed>> computed = work.stream()
                    .map(e -> CompletableFuture.supplyAsync(() -> compute(e.getKey(), e.getValue()), compute))
                    .toList();
            // Chunks are written one after the other, each as soon as it is computed and its predecessor written.
            CompletableFuture<Void> previous = writes.isEmpty() ? CompletableFuture.completedFuture(null) : writes.peekLast();
            writes.add(CompletableFuture.allOf(computed.toArray(CompletableFuture[]::new))
                    .thenCombine(previous, (none, ignored) -> null)
                    .thenRun(() -> write(computed.stream().map(CompletableFuture::join).toList())));
            while (writes.size() > 2) {
                writes.removeFirst().join(); // bounds the memory held by computed chunks, and fails fast
            }
        }

        /** A subject's aggregate, and its full report where its cycle is released and its ratings complete. */
        private record Computed(AggregateStore.Row aggregate, ReportStore.Row report) {
        }

        private Computed compute(SubjectKey subject, List<Rating> subjectRatings) {
            Cycle cycle = known.get(subject.cycle());
            if (cycle == null) {
                return new Computed(aggregates.row(Aggregate.of(subject, subjectRatings, null, 0, null)), null);
            }
            ReportCalculator calculator = calculators.computeIfAbsent(cycle.id(), id -> cycle.calculator());
            boolean frozen = ReportFreezer.isReady(cycle, subject.subjectId(), subjectRatings.size(),
                    subjectRatings.stream().mapToLong(Rating::revision).sum());
            SubjectScoring.Scored scored = frozen
                    ? SubjectScoring.report(calculator, subject.subjectId(), subjectRatings)
                    : SubjectScoring.summary(calculator, subject.subjectId(), subjectRatings);
            AggregateStore.Row aggregate = aggregates.row(Aggregate.of(subject, subjectRatings, scored.summary(), 0, null));
            if (!frozen) {
                return new Computed(aggregate, null);
            }
            Instant now = Instant.now();
            return new Computed(aggregate, reports.row(new FrozenReport(subject, scored.report(), subjectRatings.size(),
                    cycle.releasedAt() == null ? now : cycle.releasedAt(), now)));
        }

        /**
         * Writes what differs from the stored state (compared by digest, without reading the stored
         * values): in the usual case of a correct state, a rebuild reads and computes but writes nothing.
         */
        private void write(List<Computed> computed) {
            long t = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    List<SubjectKey> keys = computed.stream().map(x -> x.aggregate().aggregate().subject()).toList();
                    locks.lock(c, keys.stream().map(SubjectKey::cycle).distinct().toList());
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL synchronous_commit TO OFF"); // a rebuild can be run again
                    }
                    Map<SubjectKey, AggregateStore.Stored> storedAggregates = aggregates.stored(c, keys);
                    List<AggregateStore.Row> changed = computed.stream().map(Computed::aggregate)
                            .filter(row -> !row.stored().equals(storedAggregates.get(row.aggregate().subject())))
                            .toList();
                    aggregates.replace(c, changed);
                    aggregatesChanged.addAndGet(changed.size());

                    List<ReportStore.Row> frozen = computed.stream().map(Computed::report).filter(r -> r != null).toList();
                    Map<SubjectKey, String> storedReports = reports.digests(c,
                            frozen.stream().map(r -> r.report().subject()).toList());
                    List<ReportStore.Row> differing = frozen.stream()
                            .filter(r -> !r.digest().equals(storedReports.get(r.report().subject()))).toList();
                    reports.replace(c, differing);
                    reportsChanged.addAndGet(differing.size());
                    for (ReportStore.Row row : differing) {
                        if (!storedReports.containsKey(row.report().subject())
                                && publisher.publish(known.get(row.report().subject().cycle()), row.report())) {
                            published.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writeNanos.addAndGet(System.nanoTime() - t);
        }

        RebuildSummary summary(String source, String tenant, long read, long ratingCount, long caughtUp,
                               long readMillis, long t0) {
            return new RebuildSummary(source, tenant, read, known.size(), ratingCount, subjects, aggregatesChanged.get(),
                    reportsChanged.get(), published.get(), caughtUp, readMillis, writeNanos.get() / 1_000_000, millisSince(t0));
        }

        @Override
        public void close() {
            compute.shutdownNow();
        }
    }
}
