package org.feedback360.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.feedback360.gateway.route.Route;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code gateway_requests_seconds{route, status}}: count and duration of the requests of each
 * route by status class. Every timer is made up front, so recording one is a lookup and a few
 * atomic additions. (Quarkus' own per-URI HTTP metrics are off: behind a gateway, URIs carry ids
 * and would make one series per object.)
 */
public final class RequestMetrics {

    private static final String NO_ROUTE = "none";
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    // By identity: the routes are the route table's own objects, and a record's hashCode is over all its fields.
    private final Map<Route, Timer[]> timers = new IdentityHashMap<>();
    private final Timer[] noRoute;

    public RequestMetrics(MeterRegistry registry, List<Route> routes) {
        for (Route route : routes) {
            timers.put(route, timers(registry, route.id()));
        }
        noRoute = timers(registry, NO_ROUTE);
    }

    private static Timer[] timers(MeterRegistry registry, String route) {
        Timer[] byClass = new Timer[CLASSES.length];
        for (int i = 0; i < CLASSES.length; i++) {
            byClass[i] = Timer.builder("gateway.requests")
                    .description("Requests through the gateway by route and status class")
                    .tag("route", route)
                    .tag("status", CLASSES[i])
                    .register(registry);
        }
        return byClass;
    }

    public void record(Route route, int status, long nanos) {
        int statusClass = Math.min(Math.max(status / 100, 1), 5) - 1;
        Timer[] byClass = route == null ? noRoute : timers.get(route);
        byClass[statusClass].record(nanos, TimeUnit.NANOSECONDS);
    }
}
