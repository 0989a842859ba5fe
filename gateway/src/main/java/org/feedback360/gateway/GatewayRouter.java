package org.feedback360.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedback360.gateway.config.GatewayConfig;
import org.feedback360.gateway.discovery.ApiRootHandler;
import org.feedback360.gateway.filter.CorrelationFilter;
import org.feedback360.gateway.filter.CorsFilter;
import org.feedback360.gateway.filter.Exchange;
import org.feedback360.gateway.filter.GatewayFilter;
import org.feedback360.gateway.filter.RequestLimitFilter;
import org.feedback360.gateway.filter.SecurityHeadersFilter;
import org.feedback360.gateway.filter.UnreadBody;
import org.feedback360.gateway.observability.AccessLogFilter;
import org.feedback360.gateway.observability.AccessLogWriter;
import org.feedback360.gateway.observability.RequestMetrics;
import org.feedback360.gateway.openapi.OpenApiHandler;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.proxy.UpstreamProxy;
import org.feedback360.gateway.ratelimit.RateLimitFilter;
import org.feedback360.gateway.route.PublicPaths;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.route.RouteTable;
import org.feedback360.gateway.security.JwksKeys;
import org.feedback360.gateway.security.TokenFilter;
import org.feedback360.gateway.security.TokenVerifier;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs the gateway in front of everything on Quarkus' router. Every request first runs the
 * global filters, in this order (the order is the contract):
 * <ol>
 *   <li>correlation: {@code X-Request-Id} and {@code traceparent} kept or created;</li>
 *   <li>access log: one JSON line when the response is done, whatever answered;</li>
 *   <li>security headers, on every response;</li>
 *   <li>CORS: preflights answered here, before the token check;</li>
 *   <li>request limits: URI length (414), declared body size (413);</li>
 *   <li>token check, except on the configured public paths (401);</li>
 *   <li>dispatch: public paths go on to their handlers (health, OpenAPI, Swagger UI, {@code GET /api}),
 *       a path in the route table to that route's filters, anything else is 404.</li>
 * </ol>
 * Then each route's own filters: rate limits per client and per tenant (429; one budget over all
 * routes unless a route has limits of its own), and the proxy with its timeout (504) and circuit
 * breaker (503).
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    /** Before Quarkus' own routes (health, OpenAPI, Swagger UI), which keep their default order. */
    private static final int GATEWAY_ORDER = -1000;
    private static final long MAX_TRACKED_RATE_LIMIT_KEYS = 100_000;
    /** How long a connection that is to be closed keeps reading what the client still sends (nginx: lingering_timeout). */
    private static final long UNREAD_BODY_LINGER_MILLIS = 2_000;

    private final List<UpstreamProxy> proxies = new ArrayList<>();
    private volatile JwksKeys keys;
    private OpenApiHandler openApi;
    private AccessLogWriter accessLog;

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, RouteTable table, ObjectMapper mapper,
                 MeterRegistry registry) {
        accessLog = new AccessLogWriter(System.out);
        java.util.logging.Logger.getLogger(AccessLogFilter.CATEGORY).addHandler(accessLog);
        keys = new JwksKeys(vertx, config.jwt().jwksUrl(), config.jwt().jwksTimeout(), config.jwt().jwksMinRefreshInterval());
        keys.refresh();
        vertx.setPeriodic(config.jwt().jwksRefreshInterval().toMillis(), id -> keys.refresh());
        TokenVerifier verifier = new TokenVerifier(config.jwt(), keys);

        Map<Route, GatewayFilter[]> routeChains = new IdentityHashMap<>();
        // One set of buckets per scope: the gateway-wide limits are one budget over all routes without their own.
        Map<String, RateLimitFilter> rateLimits = new HashMap<>();
        for (Route route : table.routes()) {
            UpstreamProxy proxy = new UpstreamProxy(vertx, route, config.strippedHeaders());
            proxies.add(proxy);
            routeChains.put(route, new GatewayFilter[]{
                    rateLimits.computeIfAbsent(route.rateLimits().scope(),
                            scope -> new RateLimitFilter(route.rateLimits(), MAX_TRACKED_RATE_LIMIT_KEYS)),
                    proxy});
        }
        GatewayFilter dispatch = exchange -> {
            if (exchange.isPublic()) {
                exchange.next();
            } else if (exchange.route() != null) {
                exchange.enter(routeChains.get(exchange.route()));
            } else {
                Problems.send(exchange.context(), 404, "not-found", "Not Found", "No API exists at this path");
            }
        };
        GatewayFilter[] global = {
                new CorrelationFilter(),
                new AccessLogFilter(new RequestMetrics(registry, table.routes()), table.routes()),
                new SecurityHeadersFilter(config.securityHeaders()),
                new CorsFilter(config.cors()),
                new RequestLimitFilter(config.limits().maxUriLength(), config.limits().maxBodyBytes()),
                new TokenFilter(verifier, realmOf(config.jwt().issuer())),
                dispatch};
        PublicPaths publicPaths = new PublicPaths(config.publicPaths());
        UnreadBody unreadBody = new UnreadBody(vertx, config.limits().maxBodyBytes(), UNREAD_BODY_LINGER_MILLIS);

        router.route().order(GATEWAY_ORDER).handler(ctx -> {
            String path = ctx.normalizedPath();
            boolean isPublic = publicPaths.matches(path);
            Exchange exchange = new Exchange(ctx, isPublic ? null : table.find(path), isPublic, global);
            if (holdBody(ctx.request())) {
                unreadBody.watch(exchange);
            }
            exchange.next();
        });
        openApi = new OpenApiHandler(vertx, table, config, mapper);
        router.get("/q/openapi").order(GATEWAY_ORDER + 1).handler(openApi);
        router.get("/api").order(GATEWAY_ORDER + 1).handler(new ApiRootHandler(config));
        router.route().order(GATEWAY_ORDER).failureHandler(GatewayRouter::failure);
        LOG.infof("Routes %s; %d event loops, %s transport", table.routes().stream().map(r -> r.id() + " -> " + r.target()).toList(),
                loops(vertx), vertx.isNativeTransportEnabled() ? "native (epoll)" : "Java NIO");
    }

    /**
     * A body must not be lost while the filters run (a token check may wait for the JWKS): paused
     * here, resumed by the proxy, or by {@link UnreadBody} when the answer comes from anywhere
     * else. Requests without a body are left alone.
     */
    private static boolean holdBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if ((length != null && !"0".equals(length)) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            request.pause();
            return true;
        }
        return false;
    }

    /** A failure in any handler is still answered as a problem, never as a stack trace. */
    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("Request failed: " + ctx.request().method() + " " + ctx.normalizedPath(), ctx.failure());
        }
        Problems.send(ctx, status, status >= 500 ? "internal" : "bad-request",
                status >= 500 ? "Internal Server Error" : "Bad Request",
                status >= 500 ? "The gateway failed to handle this request" : "The request cannot be handled");
    }

    /** How many of the realm's signing keys the gateway knows (0 before the first JWKS read). */
    public int realmKeys() {
        JwksKeys known = keys;
        return known == null ? 0 : known.size();
    }

    /** Reads the JWKS again unless a read was started less than the minimum interval ago. */
    public void refreshRealmKeys() {
        JwksKeys known = keys;
        if (known != null) {
            known.refreshForUnknownKey();
        }
    }

    /** "feedback360" from ".../realms/feedback360": the realm named in WWW-Authenticate challenges. */
    static String realmOf(String issuer) {
        int at = issuer.lastIndexOf("/realms/");
        return at < 0 ? "api" : issuer.substring(at + "/realms/".length());
    }

    private static int loops(Vertx vertx) {
        int loops = 0;
        for (io.netty.util.concurrent.EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        return loops;
    }

    void close(@Observes ShutdownEvent event) {
        proxies.forEach(UpstreamProxy::close);
        if (accessLog != null) {
            java.util.logging.Logger.getLogger(AccessLogFilter.CATEGORY).removeHandler(accessLog);
            accessLog.close();
        }
        if (keys != null) {
            keys.close();
        }
        if (openApi != null) {
            openApi.close();
        }
    }
}
