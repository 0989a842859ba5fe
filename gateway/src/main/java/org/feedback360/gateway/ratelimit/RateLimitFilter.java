package org.feedback360.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.vertx.core.http.HttpServerResponse;
import org.feedback360.gateway.filter.Exchange;
import org.feedback360.gateway.filter.GatewayFilter;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.security.VerifiedToken;

import java.time.Duration;
import java.util.function.Function;

/**
 * Rate limits with Bucket4j token buckets held in memory: one per client (the token's
 * {@code azp} and subject) and one per tenant, so neither one runaway integration nor one tenant
 * can take the platform from the others. One instance serves every route of one scope: the
 * gateway-wide limits are a single budget over all the routes that use them, and a route with
 * limits of its own has its own instance. Over either limit: 429 problem+json with
 * {@code Retry-After} and the RateLimit header fields. Buckets nobody used for a while are
 * dropped (a fresh one is full, which is what an idle client has earned anyway).
 * <p>
 * Limits are per gateway instance; with N replicas a client gets up to N times as much. That is
 * the usual trade for not putting a shared store on every request's path.
 */
public final class RateLimitFilter implements GatewayFilter {

    private final Route.RateLimitPolicy policy;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> tenants;
    // Made once: a capturing lambda per request would be an allocation per request.
    private final Function<String, Bucket> newClientBucket;
    private final Function<String, Bucket> newTenantBucket;

    public RateLimitFilter(Route.RateLimitPolicy policy, long maxTrackedKeys) {
        this.policy = policy;
        this.clients = buckets(policy.perClientPeriod(), maxTrackedKeys);
        this.tenants = buckets(policy.perTenantPeriod(), maxTrackedKeys);
        this.newClientBucket = key -> bucket(policy.perClientRequests(), policy.perClientPeriod());
        this.newTenantBucket = key -> bucket(policy.perTenantRequests(), policy.perTenantPeriod());
    }

    private static Cache<String, Bucket> buckets(Duration period, long max) {
        // Idle for two periods, a bucket is full again: forgetting it changes nothing.
        // Maintenance in the calling thread, amortised: no hand-off to a pool on the request path.
        return Caffeine.newBuilder().executor(Runnable::run).maximumSize(max).expireAfterAccess(period.multipliedBy(2)).build();
    }

    @Override
    public void filter(Exchange exchange) {
        VerifiedToken token = exchange.token();
        Bucket client = clients.get(token.clientKey(), newClientBucket);
        // The plain tryConsume on the way through: the probe (remaining, time to refill) only for a refusal.
        if (!client.tryConsume(1)) {
            refuse(exchange, policy.perClientRequests(), client, "client");
            return;
        }
        Bucket tenant = tenants.get(token.tenant(), newTenantBucket);
        if (!tenant.tryConsume(1)) {
            // The request is not served: the client's own allowance is not spent on it.
            client.addTokens(1);
            refuse(exchange, policy.perTenantRequests(), tenant, "tenant");
            return;
        }
        exchange.next();
    }

    private static Bucket bucket(long requests, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .build();
    }

    private static void refuse(Exchange exchange, long limit, Bucket bucket, String scope) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long retryAfter = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        HttpServerResponse response = exchange.context().response();
        response.putHeader("Retry-After", Long.toString(retryAfter))
                .putHeader("RateLimit-Limit", Long.toString(limit))
                .putHeader("RateLimit-Remaining", "0")
                .putHeader("RateLimit-Reset", Long.toString(retryAfter));
        Problems.send(exchange.context(), 429, "rate-limited", "Too Many Requests",
                "The " + scope + " rate limit of this API is exhausted; retry after " + retryAfter + " s");
    }
}
