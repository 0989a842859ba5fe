package org.feedback360.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.config.GatewayConfig;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.route.RouteTable;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serves the merged OpenAPI document of the whole public API at {@code /q/openapi} (JSON; YAML
 * with {@code ?format=yaml}), which Swagger UI at {@code /q/swagger-ui} shows. The services'
 * documents are read with a short timeout and the merge is reused for a while; a service that
 * does not answer leaves its paths out (and is named in the document) until it does.
 */
public final class OpenApiHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(OpenApiHandler.class);

    private record Merged(Buffer json, Buffer yaml, long at, boolean complete) {
    }

    private final List<Route> routes;
    private final OpenApiMerger merger;
    private final ObjectMapper mapper;
    private final YAMLMapper yaml = new YAMLMapper();
    private final HttpClient client;
    private final long timeoutMillis;
    private final long cacheNanos;
    private volatile Merged current;
    private Future<Merged> inFlight;

    public OpenApiHandler(Vertx vertx, RouteTable table, GatewayConfig config, ObjectMapper mapper) {
        this.routes = table.routes();
        this.merger = new OpenApiMerger(table, config.openapi().title(), config.openapi().version(), config.jwt().issuer());
        this.mapper = mapper;
        this.timeoutMillis = config.openapi().timeout().toMillis();
        this.cacheNanos = config.openapi().cacheFor().toNanos();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis));
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean asYaml = "yaml".equalsIgnoreCase(ctx.request().getParam("format"));
        document().onComplete(result -> {
            if (result.failed()) {
                LOG.warn("Cannot build the merged OpenAPI document", result.cause());
                Problems.send(ctx, 503, "openapi-unavailable", "Service Unavailable", "The API description cannot be built right now");
                return;
            }
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, asYaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                    .end(asYaml ? result.result().yaml() : result.result().json());
        });
    }

    private synchronized Future<Merged> document() {
        Merged merged = current;
        // A partial document is only kept briefly: the missing service may be back.
        long maxAge = merged != null && merged.complete() ? cacheNanos : Math.min(cacheNanos, 2_000_000_000L);
        if (merged != null && System.nanoTime() - merged.at() < maxAge) {
            return Future.succeededFuture(merged);
        }
        if (inFlight == null) {
            inFlight = fetchAndMerge().onComplete(result -> {
                synchronized (this) {
                    inFlight = null;
                    if (result.succeeded()) {
                        current = result.result();
                    }
                }
            });
        }
        return inFlight;
    }

    private Future<Merged> fetchAndMerge() {
        Map<String, Future<JsonNode>> fetches = new HashMap<>();
        routes.forEach(route -> fetches.put(route.id(), fetch(route)));
        return Future.join(List.copyOf(fetches.values())).transform(ignored -> {
            Map<String, JsonNode> documents = new HashMap<>();
            Set<String> missing = new TreeSet<>();
            fetches.forEach((id, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(id, fetch.result());
                } else {
                    missing.add(id);
                    LOG.warnf("No OpenAPI document from the %s service: %s", id, fetch.cause().getMessage());
                }
            });
            try {
                JsonNode merged = merger.merge(documents, missing);
                return Future.succeededFuture(new Merged(Buffer.buffer(mapper.writeValueAsBytes(merged)),
                        Buffer.buffer(yaml.writeValueAsBytes(merged)), System.nanoTime(), missing.isEmpty()));
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> fetch(Route route) {
        return client.request(route.get("/q/openapi?format=json", timeoutMillis).putHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(req -> req.send().compose(resp -> resp.statusCode() == 200
                        ? resp.body()
                        : Future.failedFuture("it answered " + resp.statusCode())))
                .compose(body -> {
                    try {
                        return Future.succeededFuture(mapper.readTree(body.getBytes()));
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                });
    }

    public void close() {
        client.close();
    }
}
