package org.feedback360.gateway.route;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.feedback360.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Builds the route table from configuration: each route's own limits, or the gateway-wide ones. */
public final class Routes {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        return of(config);
    }

    public static RouteTable of(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        config.routes().forEach((id, r) -> routes.add(new Route(id, r.paths(), URI.create(r.target()),
                r.connectTimeout(), r.timeout(), r.maxConnections(),
                r.maxBodyBytes().orElse(config.limits().maxBodyBytes()),
                rateLimits(config.rateLimits(), r.rateLimits()),
                breaker(r.circuitBreaker().orElse(config.circuitBreaker())))));
        return new RouteTable(routes);
    }

    private static Route.RateLimitPolicy rateLimits(GatewayConfig.RateLimits defaults,
                                                    java.util.Optional<GatewayConfig.RouteRateLimits> own) {
        GatewayConfig.Limit client = own.flatMap(GatewayConfig.RouteRateLimits::perClient).orElse(defaults.perClient());
        GatewayConfig.Limit tenant = own.flatMap(GatewayConfig.RouteRateLimits::perTenant).orElse(defaults.perTenant());
        return new Route.RateLimitPolicy(client.requests(), client.period(), tenant.requests(), tenant.period());
    }

    private static Route.BreakerPolicy breaker(GatewayConfig.CircuitBreaker c) {
        return new Route.BreakerPolicy(c.requestVolumeThreshold(), c.failureRatio(), c.delay(), c.successThreshold());
    }
}
