package org.feedback360.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.HealthGroup;
import org.feedback360.gateway.config.GatewayConfig;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.route.RouteTable;

import java.util.List;

/**
 * The platform behind the gateway is ready only when every upstream is: each service's own
 * {@code /q/health/ready} is asked with a short timeout, and the combined answer is reused for a
 * moment so that probes of many gateway replicas do not multiply into load on the services.
 * <p>
 * Served as the health group {@value #GROUP} ({@code /q/health/group/upstreams}), not as the
 * gateway's own readiness: Kubernetes takes an unready pod out of its Service, so one service
 * down would take every gateway replica, and with them all routes, off the Ingress. The gateway's
 * readiness ({@link RealmKeysReadiness}) and liveness do not look at upstreams; a dead upstream
 * is answered per route (503, circuit breaker).
 */
@HealthGroup(UpstreamsReadiness.GROUP)
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    public static final String GROUP = "upstreams";

    private record Probe(String route, boolean up, String state) {
    }

    private final List<Route> routes;
    private final HttpClient client;
    private final long timeoutMillis;
    private final long cacheNanos;
    private volatile Uni<HealthCheckResponse> cached;
    private volatile long cachedAt;

    UpstreamsReadiness(Vertx vertx, RouteTable table, GatewayConfig config) {
        this.routes = table.routes();
        this.timeoutMillis = config.health().timeout().toMillis();
        this.cacheNanos = config.health().cacheFor().toNanos();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) timeoutMillis)
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(2));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Uni<HealthCheckResponse> current = cached;
        if (current == null || System.nanoTime() - cachedAt > cacheNanos) {
            current = probeAll().memoize().indefinitely();
            cached = current;
            cachedAt = System.nanoTime();
        }
        return current;
    }

    private Uni<HealthCheckResponse> probeAll() {
        List<Future<Probe>> probes = routes.stream().map(this::probe).toList();
        Future<HealthCheckResponse> all = Future.join(probes).transform(ignored -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
            for (Future<Probe> f : probes) {
                Probe probe = f.result();
                response.withData(probe.route(), probe.state());
                if (!probe.up()) {
                    response.down();
                }
            }
            return Future.succeededFuture(response.build());
        });
        return Uni.createFrom().completionStage(all.toCompletionStage());
    }

    private Future<Probe> probe(Route route) {
        return client.request(route.get("/q/health/ready", timeoutMillis))
                .compose(req -> req.send().compose(resp -> resp.body().map(body -> resp.statusCode())))
                .map(status -> new Probe(route.id(), status == 200, status == 200 ? "UP" : "DOWN (" + status + ")"))
                .otherwise(failure -> new Probe(route.id(), false, "DOWN (" + failure.getClass().getSimpleName() + ")"));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
