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
public record Route(String id, List<String> paths, URI target, Duration connectTimeout, Duration timeout,
                    int maxConnections, long maxBodyBytes, RateLimitPolicy rateLimits, BreakerPolicy breaker) {

    /** Requests allowed per client and per tenant, each as a token bucket ({@code requests} per {@code period}). */
    public record RateLimitPolicy(long perClientRequests, Duration perClientPeriod,
                                  long perTenantRequests, Duration perTenantPeriod) {
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
