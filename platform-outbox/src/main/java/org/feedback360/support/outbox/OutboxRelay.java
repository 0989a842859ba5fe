package org.feedback360.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes {@code outbox_event} rows to Kafka, at least once, in the order they were
 * written per topic and key.
 *
 * <p>Each batch is one transaction: claim the oldest unpublished rows with
 * {@code FOR UPDATE SKIP LOCKED} (so several replicas share the work without publishing a row
 * twice at the same time), send them, wait for the broker's acknowledgements, and stamp
 * {@code published_at} only on the rows the broker acknowledged. A crash between the ack
 * and the commit republishes rows with their original event ids; consumers deduplicate on them.
 * When Kafka is down, the batch fails fast and the rows wait for the next run.
 *
 * <p>A run starts when a transaction that recorded events commits ({@link #wake()}, after a short
 * pause that lets a burst of commits share one batch), and on the schedule as a fallback: for rows
 * another replica wrote, or a run that failed. Waiting for the schedule alone would add half its
 * interval, on average, to every event's way to its consumers.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String JOB = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * The batch: oldest first, skipping rows another relay holds, and leaving out any row
     * whose topic and key still have an earlier unpublished row outside this batch (held by
     * another relay or left behind by a failure), so no key's events overtake each other.
     */
    private static final String CLAIM = """
            WITH batch AS (
                SELECT id FROM outbox_event WHERE published_at IS NULL
                ORDER BY created_at, id LIMIT ?1 FOR UPDATE SKIP LOCKED)
            SELECT o.* FROM outbox_event o JOIN batch b ON b.id = o.id
            WHERE NOT EXISTS (
                SELECT 1 FROM outbox_event e
                WHERE e.published_at IS NULL AND e.topic = o.topic AND e.message_key = o.message_key
                  AND (e.created_at, e.id) < (o.created_at, o.id) AND e.id NOT IN (SELECT id FROM batch))
            ORDER BY o.created_at, o.id
            """;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Inject
    Scheduler scheduler;

    private final Counter published;
    private final Counter failed;
    private volatile OutboxSender sender;
    /** One run at a time in this process: the schedule skips while a woken run drains, and vice versa. */
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay-wake");
        t.setDaemon(true);
        return t;
    });

    @Inject
    OutboxRelay(MeterRegistry registry) {
        published = Counter.builder("outbox.published").description("Outbox events acknowledged by Kafka")
                .register(registry);
        failed = Counter.builder("outbox.failed").description("Outbox sends that failed and will be retried")
                .register(registry);
    }

    public record Result(int claimed, int published, int failed) {
    }

    @Scheduled(identity = JOB, every = "${outbox.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        if (running.tryLock()) {
            try {
                relay();
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * Asks for a run soon, because events were just committed. Calls during the pause, or while a
     * run is queued, share that run; a call while one runs queues the next, which sees its rows.
     * Does nothing while the relay is switched off or its job paused.
     */
    void wake() {
        if (config.wakeDelay().isNegative() || isOff() || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.schedule(this::wokenRun, config.wakeDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            wakeQueued.set(false); // the service stops; its rows wait for the next start, or a replica
        }
    }

    private void wokenRun() {
        wakeQueued.set(false);
        // Paused during the delay (the job, or every job as the service stops): the run is left to the schedule.
        if (!scheduler.isRunning() || scheduler.isPaused(JOB)) {
            return;
        }
        running.lock();
        try {
            relay();
        } finally {
            running.unlock();
        }
    }

    private boolean isOff() {
        return "off".equalsIgnoreCase(config.interval()) || "disabled".equalsIgnoreCase(config.interval());
    }

    private void relay() {
        // Drain a backlog in consecutive batches, but give up the thread on the first failure.
        try {
            for (int i = 0; i < 20; i++) {
                Result r = relayBatch(sender());
                if (r.failed() > 0 || r.claimed() < config.batchSize()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The producer itself failed (not just a send): start the next run with a fresh one.
            // The batch rolled back, so its rows are simply sent again, under their original ids.
            LOG.errorf(e, "Outbox relay failed; the Kafka producer is recreated for the next run");
            resetSender();
        }
    }

    /** One batch through the given sender; public so tests can point the relay at a broker of their choice. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result relayBatch(OutboxSender through) {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(CLAIM, OutboxEvent.class)
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return new Result(0, 0, 0);
        }
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            Future<?> ack = through.send(config.topic(row.topic), row);
            acks.add(ack);
            if (ack.isDone() && failure(ack) != null) {
                // Typically no metadata (broker down): every further send would block just as long.
                break;
            }
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        Set<String> failedKeys = new HashSet<>();
        int ok = 0;
        String firstError = null;
        Instant now = Instant.now();
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent row = rows.get(i);
            String error = await(acks.get(i), deadline);
            if (error == null) {
                row.publishedAt = now;
                ok++;
            } else {
                failedKeys.add(row.topic + "/" + row.messageKey);
                firstError = firstError == null ? error : firstError;
            }
        }
        int notOk = rows.size() - ok;
        published.increment(ok);
        if (notOk > 0) {
            failed.increment(notOk);
            LOG.warnf("Outbox relay: %d of %d events not acknowledged by Kafka (%d keys held back), will retry: %s",
                    notOk, rows.size(), failedKeys.size(), firstError);
        }
        return new Result(rows.size(), ok, notOk);
    }

    private static String await(Future<?> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (TimeoutException e) {
            return "no acknowledgement in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Throwable failure(Future<?> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private OutboxSender sender() {
        OutboxSender s = sender;
        if (s == null) {
            synchronized (this) {
                if (sender == null) {
                    // A client id per service makes the broker's metrics and logs say who produced.
                    Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
                    producerConfig.putIfAbsent("client.id", application + "-outbox");
                    sender = OutboxSender.connect(producerConfig);
                }
                s = sender;
            }
        }
        return s;
    }

    private synchronized void resetSender() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    @PreDestroy
    void close() {
        waker.shutdownNow();
        resetSender();
    }
}
