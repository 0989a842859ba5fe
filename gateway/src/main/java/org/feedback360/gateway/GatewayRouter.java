package org.feedback360.gateway;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedback360.gateway.config.GatewayConfig;
import org.feedback360.gateway.filter.CorrelationFilter;
import org.feedback360.gateway.filter.RequestLimitFilter;
import org.feedback360.gateway.filter.TokenFilter;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.proxy.UpstreamProxy;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.route.RouteTable;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs the gateway on Quarkus' router: the ordered filters (correlation id, request
 * limits, token check), then the route table's proxies. Quarkus' HTTP permissions only guard what is
 * not API (public operational paths, everything else denied).
 */
@ApplicationScoped
public class GatewayRouter {

    /** Runs before any route handler; Quarkus' own handlers use orders near Integer.MIN_VALUE. */
    private static final int FILTER_ORDER = -1000;
    private static final String API_PATHS = "/api/*";

    private final Map<String, UpstreamProxy> proxies = new HashMap<>();

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, JWTParser jwtParser) {
        RouteTable table = routeTable(config);
        for (Route route : table.routes()) {
            proxies.put(route.id(), new UpstreamProxy(vertx, route, config.strippedHeaders()));
        }

        router.route(API_PATHS).order(FILTER_ORDER).handler(new CorrelationFilter());
        router.route(API_PATHS).order(FILTER_ORDER + 1)
                .handler(new RequestLimitFilter(config.maxUriLength(), config.maxBodyBytes()));
        router.route(API_PATHS).order(FILTER_ORDER + 2).handler(new TokenFilter(jwtParser));
        router.route(API_PATHS).order(FILTER_ORDER + 3).handler(ctx -> table.match(ctx.normalizedPath())
                .ifPresentOrElse(
                        route -> proxies.get(route.id()).handle(ctx),
                        () -> Problems.send(ctx, 404, "not-found", "Not Found", "No API exists at this path")));
        router.route().failureHandler(this::securityFailure);
    }

    /** Quarkus' security layer fails the request before our handlers run: answer in our format. */
    private void securityFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(ctx, 401, "unauthorized", "Unauthorized", "A valid bearer token is required");
        } else {
            ctx.next();
        }
    }

    void close(@Observes ShutdownEvent event) {
        proxies.values().forEach(UpstreamProxy::close);
    }

    static RouteTable routeTable(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        config.routes().forEach((id, r) -> routes.add(new Route(id, r.paths(), URI.create(r.target()),
                r.connectTimeout(), r.timeout(), r.maxConnections())));
        return new RouteTable(routes);
    }
}
