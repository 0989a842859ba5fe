package org.feedback360.scoring.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code feedback.cycles} and {@code feedback.responses} (consumer group
 * {@code scoring-service}) in batches: a poll's records are applied in one transaction.
 *
 * <p>A record that cannot be read is logged (never its content: it may hold comments) and
 * skipped. A failure to apply (the database is down) is retried with backoff until it succeeds:
 * skipping would lose ratings, and the offsets are committed only after the batch is applied.
 */
@ApplicationScoped
public class FeedbackConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackConsumer.class);

    @Inject
    FeedbackEvents events;
    @Inject
    EventApplier applier;

    private final Timer lag;
    private final Counter applied;
    private final Counter redelivered;
    private final MeterRegistry registry;

    @Inject
    FeedbackConsumer(MeterRegistry registry) {
        this.registry = registry;
        lag = Timer.builder("scoring.response.lag")
                .description("From a response's submission (its CloudEvents time) to its aggregate being committed")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        applied = Counter.builder("scoring.responses.applied").description("ResponseSubmitted events applied")
                .register(registry);
        redelivered = Counter.builder("scoring.events.ignored")
                .description("Events received again (already applied) or superseded (an older cycle state)")
                .register(registry);
    }

    @Incoming("responses")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 7, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30_000)
    public void responses(List<String> records) throws SQLException {
        List<ResponseEvent> batch = new ArrayList<>(records.size());
        for (String record : records) {
            FeedbackEvents.Read<ResponseEvent> read = events.response(record);
            if (read.event() == null) {
                reject(EventApplier.RESPONSES_TOPIC, read.rejection());
            } else {
                batch.add(read.event());
            }
        }
        List<ResponseEvent> done = applier.applyResponses(batch);
        Instant now = Instant.now();
        for (ResponseEvent e : done) {
            Instant submitted = e.time();
            if (submitted != null) {
                lag.record(Duration.between(submitted, now).abs());
            }
        }
        applied.increment(done.size());
        redelivered.increment(batch.size() - done.size());
    }

    @Incoming("cycles")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 7, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30_000)
    public void cycles(List<String> records) throws SQLException {
        for (String record : records) {
            FeedbackEvents.Read<CycleEvent> read = events.cycle(record);
            if (read.event() == null) {
                if (read.rejection() != null) {
                    reject(EventApplier.CYCLES_TOPIC, read.rejection());
                }
            } else if (!applier.applyCycle(read.event())) {
                redelivered.increment();
            }
        }
    }

    private void reject(String topic, String reason) {
        LOG.warnf("Skipped a record of %s: %s", topic, reason);
        registry.counter("scoring.events.rejected", "topic", topic).increment();
    }
}
