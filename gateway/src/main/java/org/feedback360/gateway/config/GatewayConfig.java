package org.feedback360.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's route table and filter settings, all overridable from the environment. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by id; a request goes to the route with the longest matching path prefix. */
    Map<String, RouteConfig> routes();

    /**
     * Paths served without a token ({@code /x} exactly, {@code /x/*} everything below). Everything
     * else needs a valid token; paths that are neither public nor routed answer 404 after the check.
     */
    List<String> publicPaths();

    /** Incoming headers that claim an identity; removed so no client can assert one. */
    List<String> strippedHeaders();

    Limits limits();

    Jwt jwt();

    RateLimits rateLimits();

    CircuitBreaker circuitBreaker();

    Cors cors();

    SecurityHeaders securityHeaders();

    Health health();

    OpenApi openapi();

    Discovery discovery();

    interface RouteConfig {
        /** Path prefixes, matched on whole segments ("/api/v1/me" matches "/api/v1/me/x", not "/api/v1/meet"). */
        List<String> paths();

        /** Base URL of the upstream service, e.g. http://127.0.0.1:8081 */
        String target();

        /** Longest a TCP connect to the upstream may take; failing or past it: 503, counted by the breaker. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * Longest a request waits for one of the route's connections while all are busy; past it
         * 503 with Retry-After, not counted by the breaker (the upstream is there, only loaded).
         */
        @WithDefault("1s")
        Duration poolWaitTimeout();

        /**
         * Longest the upstream may take to begin its answer once it has the whole request (504
         * after), and longest it may then stay silent in the middle of its body.
         */
        @WithDefault("10s")
        Duration timeout();

        /** Keep-alive connections to this upstream, in total over all event loops. */
        @WithDefault("64")
        int maxConnections();

        /** Overrides {@code gateway.limits.max-body-bytes} for this route. */
        Optional<Long> maxBodyBytes();

        /** Overrides of {@code gateway.rate-limits} for this route. */
        Optional<RouteRateLimits> rateLimits();

        /** Overrides of {@code gateway.circuit-breaker} for this route. */
        Optional<CircuitBreaker> circuitBreaker();
    }

    interface Limits {
        /** Longest request URI (path and query) the gateway accepts; longer is 414. */
        @WithDefault("4096")
        int maxUriLength();

        /** Largest request body, declared or streamed; larger is 413. */
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    interface Jwt {
        /** The realm's issuer, exactly as Keycloak writes it into {@code iss}. */
        String issuer();

        /** The realm's JWKS: {@code <issuer>/protocol/openid-connect/certs}. */
        String jwksUrl();

        /** Tokens must name at least one of these in {@code aud}. */
        List<String> audiences();

        /** Claims every platform token carries, as non-blank strings. */
        List<String> requiredClaims();

        /** Signature algorithms accepted; never {@code none} or an HMAC. */
        @WithDefault("RS256")
        List<String> algorithms();

        @WithDefault("30s")
        Duration clockSkew();

        /** Routine re-read of the JWKS, so withdrawn keys stop being trusted. */
        @WithDefault("10m")
        Duration jwksRefreshInterval();

        /** Least time between two reads caused by unknown key ids, so made-up kids cannot hammer Keycloak. */
        @WithDefault("10s")
        Duration jwksMinRefreshInterval();

        @WithDefault("5s")
        Duration jwksTimeout();

        /** Verified tokens remembered (by hash) until they expire, so each is verified once. */
        @WithDefault("20000")
        int cacheSize();

        /** Refused tokens remembered (by hash) for a minute, so a client retrying one costs no signature check. */
        @WithDefault("10000")
        int refusedCacheSize();
    }

    interface RateLimits {
        /** Per client: the token's {@code azp} (the OAuth client) and subject together. */
        Limit perClient();

        /** Per tenant, over all of its clients. */
        Limit perTenant();
    }

    interface RouteRateLimits {
        Optional<Limit> perClient();

        Optional<Limit> perTenant();
    }

    /** A token bucket: {@code requests} per {@code period}, refilled evenly, bursts up to {@code requests}. */
    interface Limit {
        long requests();

        Duration period();
    }

    interface CircuitBreaker {
        /** Calls in the rolling window the failure ratio is taken over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting probe calls through. */
        @WithDefault("5s")
        Duration delay();

        /** Successful probes that close the breaker again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Cors {
        /** Exact origins of the portals allowed to call the API from a browser; empty allows none. */
        Optional<List<String>> allowedOrigins();

        @WithDefault("GET,POST,PUT,PATCH,DELETE,OPTIONS")
        List<String> allowedMethods();

        @WithDefault("Authorization,Content-Type,Idempotency-Key,If-Match,If-None-Match,X-Request-Id,traceparent,tracestate")
        List<String> allowedHeaders();

        @WithDefault("X-Request-Id,traceparent,Location,ETag,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset")
        List<String> exposedHeaders();

        @WithDefault("10m")
        Duration maxAge();
    }

    interface SecurityHeaders {
        /** When to send Strict-Transport-Security: always (TLS ends in front of the gateway), when-tls, never. */
        @WithDefault("when-tls")
        Hsts hsts();

        @WithDefault("365d")
        Duration hstsMaxAge();

        /** For the API and the HTML report pages: inline styles and inline SVG, no scripts, no framing. */
        @WithDefault("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy();

        /** For the Swagger UI pages only, which run their own scripts. */
        @WithDefault("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        String docsContentSecurityPolicy();

        @WithDefault("/q/swagger-ui")
        String docsPath();

        enum Hsts { ALWAYS, WHEN_TLS, NEVER }
    }

    interface Health {
        /** How long one upstream may take to answer its readiness probe. */
        @WithDefault("1s")
        Duration timeout();

        /** How long an aggregated answer is reused, so probes cannot multiply the load on services. */
        @WithDefault("2s")
        Duration cacheFor();
    }

    interface OpenApi {
        @WithDefault("Feedback360 API")
        String title();

        @WithDefault("1")
        String version();

        /** How long the merged document is reused before the services are asked again. */
        @WithDefault("60s")
        Duration cacheFor();

        @WithDefault("3s")
        Duration timeout();
    }

    /** What {@code GET /api} tells clients about where to get tokens (public URLs, as clients reach Keycloak). */
    interface Discovery {
        /** The issuer as clients see it; defaults to {@code gateway.jwt.issuer}. */
        Optional<String> issuer();

        /** The public client for browser and mobile apps (authorization code + PKCE). */
        @WithDefault("feedback360-app")
        String publicClientId();
    }
}
