package org.feedback360.notification.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.WebhookConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery queue's transactions: claiming due deliveries and recording each attempt's outcome.
 *
 * <p>A claim locks the subscriptions that have due work ({@code FOR UPDATE SKIP LOCKED}), so for
 * one subscription only one instance claims at a time and the in-flight bound per subscription
 * holds across instances; it then marks up to that many due rows {@code SENDING}, with
 * {@code next_attempt_at} as a lease. A tenant gets at most its share of the instance's slots, so
 * one tenant's slow receivers never keep another tenant's deliveries waiting. No transaction is
 * open while a request is on the wire: the outcome is written afterwards, and only if the row is
 * still the claim that was sent.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A claimed delivery with what it takes to send it. */
    /** @param sealedPreviousSecret the secret before a rotation, while it still signs; else null */
    public record Claimed(UUID id, UUID subscriptionId, String tenant, UUID eventId, String url, String sealedSecret,
                          String sealedPreviousSecret, String payload, int attempt) {
    }

    /** What one attempt came to; statusCode is null when no response arrived. */
    public record Outcome(Integer statusCode, long latencyMs, String error, OffsetDateTime startedAt, boolean refused) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public enum Result { DELIVERED, RETRY, DEAD_LETTERED, GONE, REFUSED, STALE }

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    /**
     * Active subscriptions with due rows and room below their in-flight bound (?3), oldest due
     * first; a subscription at its bound would only take up a place in the limit.
     */
    private static final String SUBSCRIPTIONS_WITH_DUE_WORK = """
            WITH due AS (
                SELECT subscription_id, min(next_attempt_at) FILTER (WHERE next_attempt_at <= now()) AS first_due
                FROM webhook_delivery WHERE status IN ('PENDING', 'SENDING')
                GROUP BY subscription_id
                HAVING bool_or(next_attempt_at <= now())
                    AND count(*) FILTER (WHERE status = 'SENDING' AND next_attempt_at > now()) < ?3)
            SELECT s.id, s.tenant, s.url, s.secret_enc,
                CASE WHEN s.previous_secret_until > now() THEN s.previous_secret_enc END
            FROM webhook_subscription s JOIN due ON due.subscription_id = s.id
            WHERE s.status = 'ACTIVE' AND NOT (s.tenant = ANY (?2))
            ORDER BY due.first_due LIMIT ?1 FOR UPDATE OF s SKIP LOCKED""";

    /** Due rows of one subscription: pending ones, and sending ones whose lease ran out (their instance died). */
    private static final String CLAIM = """
            UPDATE webhook_delivery SET status = 'SENDING', attempts = attempts + 1, last_attempt_at = now(),
                next_attempt_at = now() + make_interval(secs => ?3),
                retry_until = COALESCE(retry_until, now() + make_interval(secs => ?4))
            WHERE id IN (
                SELECT id FROM webhook_delivery
                WHERE subscription_id = ?1 AND status IN ('PENDING', 'SENDING') AND next_attempt_at <= now()
                ORDER BY next_attempt_at, created_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
            RETURNING id, event_id, payload, attempts""";

    @Inject
    EntityManager em;

    private final WebhookConfig config;
    private final Backoff backoff;
    private final Map<Result, Counter> outcomes = new EnumMap<>(Result.class);
    private final Timer latency;

    @Inject
    DeliveryQueue(WebhookConfig config, MeterRegistry registry) {
        this.config = config;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        for (Result r : Result.values()) {
            outcomes.put(r, Counter.builder("notification.webhook.deliveries")
                    .description("Webhook delivery attempts by outcome (delivered, retry, dead_lettered, gone, refused, stale)")
                    .tag("outcome", r.name().toLowerCase()).register(registry));
        }
        latency = Timer.builder("notification.webhook.latency")
                .description("Time from sending a webhook to its response (or failure)").register(registry);
    }

    /** Claims up to {@code capacity} due deliveries, as an instance with nothing in flight would. */
    public List<Claimed> claim(int capacity) {
        return claim(capacity, Map.of());
    }

    /**
     * Claims up to {@code capacity} due deliveries: at most the in-flight bound per subscription,
     * and per tenant at most what its share leaves beside the attempts this instance already has
     * in flight for it.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int capacity, Map<String, Integer> inFlightByTenant) {
        List<Claimed> claimed = new ArrayList<>();
        if (capacity <= 0) {
            return claimed;
        }
        int tenantLimit = config.tenantInFlightLimit();
        Map<String, Integer> tenantRoom = new HashMap<>();
        inFlightByTenant.forEach((tenant, inFlight) -> tenantRoom.put(tenant, tenantLimit - inFlight));
        // Tenants at their bound are left out here, so their subscriptions are neither locked nor
        // counted against the limit, and other tenants' due work is found behind them.
        String[] full = tenantRoom.entrySet().stream().filter(e -> e.getValue() <= 0).map(Map.Entry::getKey)
                .toArray(String[]::new);
        List<Object[]> subscriptions = em.createNativeQuery(SUBSCRIPTIONS_WITH_DUE_WORK)
                .setParameter(1, capacity).setParameter(2, full).setParameter(3, config.maxInFlightPerSubscription())
                .getResultList();
        for (Object[] s : subscriptions) {
            UUID subscriptionId = (UUID) s[0];
            String tenant = (String) s[1];
            // Counted again under the subscription's lock: another instance may have claimed meanwhile.
            long inFlight = ((Number) em.createNativeQuery("""
                            SELECT count(*) FROM webhook_delivery
                            WHERE subscription_id = ?1 AND status = 'SENDING' AND next_attempt_at > now()""")
                    .setParameter(1, subscriptionId).getSingleResult()).longValue();
            int room = tenantRoom.getOrDefault(tenant, tenantLimit);
            int take = (int) Math.min(Math.min(capacity - claimed.size(), config.maxInFlightPerSubscription() - inFlight),
                    room);
            if (take <= 0) {
                continue;
            }
            List<Object[]> rows = em.createNativeQuery(CLAIM)
                    .setParameter(1, subscriptionId).setParameter(2, take)
                    .setParameter(3, (double) lease().toSeconds()).setParameter(4, (double) config.retryFor().toSeconds())
                    .getResultList();
            for (Object[] r : rows) {
                claimed.add(new Claimed((UUID) r[0], subscriptionId, tenant, (UUID) r[1], (String) s[2], (String) s[3],
                        (String) s[4], (String) r[2], ((Number) r[3]).intValue()));
            }
            tenantRoom.put(tenant, room - rows.size());
            if (claimed.size() >= capacity) {
                break;
            }
        }
        return claimed;
    }

    /** Long enough for any attempt of a live instance to finish and record its outcome. */
    private Duration lease() {
        return config.requestTimeout().multipliedBy(2).plusSeconds(30);
    }

    /** Logs the attempt and moves the delivery on: delivered, retried later, or dead-lettered. */
    @Transactional
    public Result record(Claimed claimed, Outcome outcome) {
        latency.record(Duration.ofMillis(outcome.latencyMs()));
        WebhookDelivery d = em.find(WebhookDelivery.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        Result result = d == null || d.status != WebhookDelivery.Status.SENDING || d.attempts != claimed.attempt()
                ? Result.STALE : apply(d, outcome);
        if (d != null) {
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.id = UUID.randomUUID();
            attempt.deliveryId = d.id;
            attempt.attempt = claimed.attempt();
            attempt.startedAt = outcome.startedAt();
            attempt.statusCode = outcome.statusCode();
            attempt.latencyMs = (int) Math.min(Integer.MAX_VALUE, outcome.latencyMs());
            attempt.error = outcome.error();
            attempt.persist();
        }
        outcomes.get(result).increment();
        return result;
    }

    private Result apply(WebhookDelivery d, Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now();
        d.lastStatus = outcome.statusCode();
        d.lastLatencyMs = (int) Math.min(Integer.MAX_VALUE, outcome.latencyMs());
        d.lastError = outcome.error();
        if (outcome.delivered()) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.completedAt = now;
            return Result.DELIVERED;
        }
        if (outcome.statusCode() != null && outcome.statusCode() == 410 && config.disableOnGone()) {
            d.status = WebhookDelivery.Status.DEAD_LETTERED;
            d.completedAt = now;
            em.createNativeQuery("""
                            UPDATE webhook_subscription SET status = 'DISABLED', updated_at = now(),
                                disabled_reason = 'The receiver answered 410 Gone' WHERE id = ?1 AND status = 'ACTIVE'""")
                    .setParameter(1, d.subscriptionId).executeUpdate();
            LOG.warnf("Webhook subscription %s of tenant %s disabled: its receiver answered 410 Gone",
                    d.subscriptionId, d.tenant);
            return Result.GONE;
        }
        OffsetDateTime next = now.plus(backoff.delayAfter(d.attempts - d.backoffBase));
        if (d.retryUntil == null || next.isAfter(d.retryUntil)) {
            d.status = WebhookDelivery.Status.DEAD_LETTERED;
            d.completedAt = now;
            LOG.warnf("Webhook delivery %s (subscription %s, tenant %s) dead-lettered after %d attempts: %s",
                    d.id, d.subscriptionId, d.tenant, d.attempts,
                    outcome.error() != null ? outcome.error() : "status " + outcome.statusCode());
            return Result.DEAD_LETTERED;
        }
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = next;
        return outcome.refused() ? Result.REFUSED : Result.RETRY;
    }
}
