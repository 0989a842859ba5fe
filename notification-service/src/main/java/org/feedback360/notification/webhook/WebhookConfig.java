package org.feedback360.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Webhook subscriptions, URL policy and delivery ({@code notification.webhooks.*}). */
@ConfigMapping(prefix = "notification.webhooks")
public interface WebhookConfig {

    /** Plain http receivers; only for dev and test, production accepts https only. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Addresses allowed although the policy forbids their range (CIDR or single address),
     * e.g. {@code 127.0.0.1/32} so tests can use a loopback receiver. Empty in production.
     */
    Optional<List<String>> allowedAddresses();

    /**
     * Host names never accepted, whatever they resolve to: the platform's own services and
     * infrastructure. {@code *.suffix} matches every name under that suffix.
     */
    List<String> deniedHosts();

    /** Key material that encrypts stored signing secrets (any long random string). */
    String secretKey();

    /** How often the delivery worker claims due deliveries ("off" stops it). */
    @WithDefault("1s")
    String poll();

    /** Connect plus response time allowed to one attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long after its first attempt a delivery is retried before it is dead-lettered. */
    @WithDefault("24h")
    Duration retryFor();

    /** First retry delay; each retry doubles the ceiling (full jitter picks below it). */
    @WithDefault("5s")
    Duration backoffInitial();

    /** Ceiling of a single retry delay. */
    @WithDefault("1h")
    Duration backoffMax();

    /** Attempts in flight at once per subscription (across all instances). */
    @WithDefault("4")
    int maxInFlightPerSubscription();

    /** Attempts in flight at once in this instance, over all subscriptions. */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Attempts in flight at once in this instance for one tenant, so that one tenant's slow
     * receivers can never take every slot; a quarter of {@link #maxInFlight()} when not set.
     */
    OptionalInt maxInFlightPerTenant();

    /** The per-tenant bound in force. */
    default int tenantInFlightLimit() {
        return maxInFlightPerTenant().orElse(Math.max(1, maxInFlight() / 4));
    }

    /** Subscriptions one tenant may have. */
    @WithDefault("20")
    int maxSubscriptionsPerTenant();

    /** After a secret rotation, how long the old secret still signs every delivery too. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** How long finished deliveries stay in the delivery log. */
    @WithDefault("30d")
    Duration logRetention();

    /** A receiver answering 410 Gone has removed the endpoint: disable the subscription. */
    @WithDefault("true")
    boolean disableOnGone();
}
