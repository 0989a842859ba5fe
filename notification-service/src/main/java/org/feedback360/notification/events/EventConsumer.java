package org.feedback360.notification.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.feedback360.notification.RetentionConfig;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Entry point of every consumed topic. A record that cannot be applied whatever happens (not an
 * event, a required field missing or malformed) is skipped with an error and counted in
 * {@code notification.events.rejected}; anything else (the database away) is retried with
 * backoff and, if it persists, fails the channel (health DOWN, so the instance is restarted and
 * the record consumed again) rather than losing a notification. An event older than applied event
 * ids are remembered for ({@code notification.retention.processed-events}) is skipped too, with a
 * warning, and counted in {@code notification.events.too.old}.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    CycleEvents cycles;
    @Inject
    AssignmentEvents assignments;
    @Inject
    ReportEvents reports;
    @Inject
    MeterRegistry registry;
    @Inject
    RetentionConfig retention;

    @Incoming("cycles")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, jitter = 250)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onCycleEvent(String payload) {
        consume(CycleEvents.TOPIC, payload, cycles::apply);
    }

    /** A poll's records in one transaction (see {@link AssignmentEvents}); a retry applies the whole batch again. */
    @Incoming("assignments")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, jitter = 250)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onAssignmentEvents(List<String> payloads) {
        List<AssignmentEvents.Change> batch = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            AssignmentEvents.Change change = read(AssignmentEvents.TOPIC, payload, AssignmentEvents.Change::of);
            if (change != null) {
                batch.add(change);
            }
        }
        if (!batch.isEmpty()) {
            assignments.apply(batch);
        }
    }

    @Incoming("reports")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, jitter = 250)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onReportEvent(String payload) {
        consume(ReportEvents.TOPIC, payload, reports::apply);
    }

    /** One record applied on its own (its handler's transaction), unless {@link #read} skips it. */
    private void consume(String topic, String payload, Consumer<Envelope> handler) {
        read(topic, payload, event -> {
            handler.accept(event);
            return event;
        });
    }

    /**
     * The record as {@code step} makes it of its envelope, or null when it is skipped: malformed
     * (also when {@code step} finds it so) or too old.
     */
    private <T> T read(String topic, String payload, Function<Envelope, T> step) {
        UUID id = null;
        try {
            Envelope event = Envelope.parse(payload);
            id = event.id();
            if (tooOld(event)) {
                // Its id may have been forgotten already (Retention), so it could apply twice.
                LOG.warnf("Skipping event %s on %s of %s: older than the %s applied events are remembered for",
                        id, topic, event.time(), retention.processedEvents());
                registry.counter("notification.events.too.old", "topic", topic).increment();
                return null;
            }
            return step.apply(event);
        } catch (Envelope.Malformed e) {
            LOG.errorf("Skipping malformed record on %s (event id %s): %s", topic, id, e.getMessage());
            registry.counter("notification.events.rejected", "topic", topic).increment();
            return null;
        }
    }

    /** An event stamped longer ago than applied ids are kept; one without a readable time is judged on arrival. */
    private boolean tooOld(Envelope event) {
        try {
            return event.time() != null && OffsetDateTime.parse(event.time())
                    .isBefore(OffsetDateTime.now().minus(retention.processedEvents()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
