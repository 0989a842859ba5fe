package org.feedback360.gateway.observability;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.feedback360.gateway.filter.Exchange;
import org.feedback360.gateway.filter.GatewayFilter;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.security.VerifiedToken;
import org.jboss.logging.Logger;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes the end of every exchange: records {@link RequestMetrics} and writes one JSON line
 * per request on the {@value #CATEGORY} logger, written when the response has
 * been sent (or the connection was lost): time, request and trace id, method, path, route,
 * upstream, status, bytes, duration, client id and tenant. Never a token, a body or a query
 * string (queries may carry secrets such as one-time codes).
 * <p>
 * The line is built by hand (a few hundred nanoseconds, no map, no reflection) and handed to
 * the asynchronous handler configured in application.properties, so the event loop never
 * waits for the console or a file.
 */
public final class AccessLogFilter implements GatewayFilter {

    public static final String CATEGORY = "feedback360.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final RequestMetrics metrics;
    private final Map<Route, String> upstreams = new IdentityHashMap<>();

    public AccessLogFilter(RequestMetrics metrics, List<Route> routes) {
        this.metrics = metrics;
        routes.forEach(route -> upstreams.put(route, route.authority()));
    }

    @Override
    public void filter(Exchange exchange) {
        exchange.context().addEndHandler(result -> ended(exchange, result));
        exchange.next();
    }

    private void ended(Exchange exchange, AsyncResult<Void> result) {
        long nanos = System.nanoTime() - exchange.startNanos();
        metrics.record(exchange.route(), exchange.context().response().getStatusCode(), nanos);
        if (LOG.isInfoEnabled()) {
            LOG.info(line(exchange, result, nanos / 1_000));
        }
    }

    private String line(Exchange exchange, AsyncResult<Void> result, long micros) {
        HttpServerRequest request = exchange.context().request();
        HttpServerResponse response = exchange.context().response();
        Route route = exchange.route();
        VerifiedToken token = exchange.token();
        StringBuilder line = new StringBuilder(400).append('{');
        line.append("\"time\":\"");
        LogTime.append(line, System.currentTimeMillis());
        line.append("\",");
        // Both were checked or made by the correlation filter (letters, digits, ". _ : -"; hex): nothing to escape.
        safeField(line, "requestId", exchange.requestId());
        safeField(line, "traceId", exchange.traceId());
        field(line, "method", request.method().name());
        field(line, "path", exchange.context().normalizedPath());
        field(line, "route", route == null ? null : route.id());
        field(line, "upstream", route == null ? null : upstreams.get(route));
        number(line, "status", response.getStatusCode());
        number(line, "bytesIn", request.bytesRead());
        number(line, "bytesOut", response.bytesWritten());
        line.append("\"durationMs\":").append(micros / 1000).append('.')
                .append((char) ('0' + micros / 100 % 10)).append((char) ('0' + micros / 10 % 10))
                .append((char) ('0' + micros % 10)).append(',');
        field(line, "clientId", token == null ? null : token.clientId());
        field(line, "tenant", token == null ? null : token.tenant());
        if (result.failed()) {
            // The client went away before the whole answer was written.
            line.append("\"aborted\":true,");
        }
        line.setCharAt(line.length() - 1, '}');
        return line.toString();
    }

    private static void number(StringBuilder line, String name, long value) {
        line.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void safeField(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            line.append("null,");
        } else {
            line.append('"').append(value).append("\",");
        }
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            line.append("null,");
            return;
        }
        line.append('"');
        if (needsEscaping(value)) {
            escape(line, value);
        } else {
            line.append(value);
        }
        line.append("\",");
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void escape(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
    }
}
