package org.feedback360.gateway.route;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.feedback360.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
                r.connectTimeout(), r.poolWaitTimeout(), r.timeout(), r.maxConnections(),
                r.maxBodyBytes().orElse(config.limits().maxBodyBytes()),
                rateLimits(id, config.rateLimits(), r.rateLimits()),
                breaker(r.circuitBreaker().orElse(config.circuitBreaker())))));
        return new RouteTable(routes);
    }

    /**
     * The gateway-wide limits, one budget shared by every route that has none of its own (so a
     * client cannot multiply its allowance by spreading over routes); a route that overrides
     * either limit counts both in buckets of its own.
     */
    private static Route.RateLimitPolicy rateLimits(String routeId, GatewayConfig.RateLimits defaults,
                                                    Optional<GatewayConfig.RouteRateLimits> own) {
        Optional<GatewayConfig.Limit> ownClient = own.flatMap(GatewayConfig.RouteRateLimits::perClient);
        Optional<GatewayConfig.Limit> ownTenant = own.flatMap(GatewayConfig.RouteRateLimits::perTenant);
        String scope = ownClient.isPresent() || ownTenant.isPresent() ? routeId : Route.RateLimitPolicy.SHARED;
        GatewayConfig.Limit client = ownClient.orElse(defaults.perClient());
        GatewayConfig.Limit tenant = ownTenant.orElse(defaults.perTenant());
        return new Route.RateLimitPolicy(scope, client.requests(), client.period(), tenant.requests(), tenant.period());
    }

    private static Route.BreakerPolicy breaker(GatewayConfig.CircuitBreaker c) {
        return new Route.BreakerPolicy(c.requestVolumeThreshold(), c.failureRatio(), c.delay(), c.successThreshold());
    }
}
