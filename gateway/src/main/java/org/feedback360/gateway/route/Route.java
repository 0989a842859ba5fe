package org.feedback360.gateway.route;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One entry of the route table: where requests under these path prefixes go, and the limits
 * that hold for them (body size, rate limits, circuit breaker).
 */
public record Route(String id, List<String> paths, URI target, Duration connectTimeout, Duration poolWaitTimeout, Duration timeout,
                    int maxConnections, long maxBodyBytes, RateLimitPolicy rateLimits, BreakerPolicy breaker) {

    /**
     * Requests allowed per client and per tenant, each as a token bucket ({@code requests} per
     * {@code period}). Routes with the same {@code scope} count against the same buckets: the
     * gateway-wide limits ({@link #SHARED}) are one budget over all routes that use them; a route
     * with limits of its own has buckets of its own (its id is the scope).
     */
    public record RateLimitPolicy(String scope, long perClientRequests, Duration perClientPeriod,
                                  long perTenantRequests, Duration perTenantPeriod) {

        public static final String SHARED = "gateway";
    }

    public record BreakerPolicy(int requestVolumeThreshold, double failureRatio, Duration delay, int successThreshold) {
    }

    public int port() {
        if (target.getPort() > 0) {
            return target.getPort();
        }
        return tls() ? 443 : 80;
    }

    public boolean tls() {
        return "https".equals(target.getScheme());
    }

    /** A GET of one of the service's own endpoints (health, OpenAPI), silent for at most the timeout. */
    public RequestOptions get(String uri, long timeoutMillis) {
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(target.getHost())
                .setPort(port())
                .setSsl(tls())
                .setURI(uri)
                .setIdleTimeout(timeoutMillis);
    }

    /** host:port, as the access log names the upstream. */
    public String authority() {
        return target.getHost() + ":" + port();
    }
}
