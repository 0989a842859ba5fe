package org.feedback360.gateway.filter;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.feedback360.gateway.config.GatewayConfig;
import org.feedback360.gateway.problem.Problems;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the configured portal origins, decided here and nowhere else. A preflight is answered
 * by the gateway itself (it carries no token, so it must come before the token check); an actual
 * request from an allowed origin gets its response marked readable for that origin. An origin
 * not on the list gets no CORS header at all (and a preflight from it a 403), which is what makes
 * a browser refuse to hand the response to the page.
 */
public final class CorsFilter implements GatewayFilter {

    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    private static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    private static final String MAX_AGE = "Access-Control-Max-Age";
    private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    private static final String PREFLIGHT_VARY = ORIGIN + ", " + REQUEST_METHOD + ", " + REQUEST_HEADERS;

    private final Set<String> origins;
    private final Set<String> methods;
    private final Set<String> headers;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final String maxAge;

    public CorsFilter(GatewayConfig.Cors config) {
        this.origins = Set.copyOf(config.allowedOrigins().orElse(List.of()));
        this.methods = config.allowedMethods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.headers = config.allowedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowMethods = String.join(", ", config.allowedMethods());
        this.allowHeaders = String.join(", ", config.allowedHeaders());
        this.exposeHeaders = String.join(", ", config.exposedHeaders());
        this.maxAge = Long.toString(config.maxAge().toSeconds());
    }

    @Override
    public void filter(Exchange exchange) {
        HttpServerRequest request = exchange.context().request();
        String origin = request.getHeader(ORIGIN);
        if (origin == null) {
            exchange.next();
            return;
        }
        boolean allowed = origins.contains(origin);
        if (request.method() == HttpMethod.OPTIONS && request.getHeader(REQUEST_METHOD) != null) {
            preflight(exchange, origin, allowed);
            return;
        }
        exchange.context().addHeadersEndHandler(v -> {
            MultiMap out = exchange.context().response().headers();
            // Whatever a service may have said about CORS, the gateway's answer is the one that counts.
            out.remove(ALLOW_ORIGIN).remove(ALLOW_CREDENTIALS).remove(EXPOSE_HEADERS);
            if (allowed) {
                out.set(ALLOW_ORIGIN, origin).add(HttpHeaders.VARY, ORIGIN).set(EXPOSE_HEADERS, exposeHeaders);
            }
        });
        exchange.next();
    }

    private void preflight(Exchange exchange, String origin, boolean allowed) {
        HttpServerRequest request = exchange.context().request();
        if (!allowed || !methods.contains(request.getHeader(REQUEST_METHOD).toUpperCase(Locale.ROOT))
                || !headersAllowed(request.getHeader(REQUEST_HEADERS))) {
            Problems.send(exchange.context(), 403, "cors-refused", "Forbidden",
                    "This cross-origin request is not allowed");
            return;
        }
        exchange.context().response().setStatusCode(204).headers()
                .set(ALLOW_ORIGIN, origin)
                .set(ALLOW_METHODS, allowMethods)
                .set(ALLOW_HEADERS, allowHeaders)
                .set(MAX_AGE, maxAge)
                .add(HttpHeaders.VARY, PREFLIGHT_VARY);
        exchange.context().response().end();
    }

    private boolean headersAllowed(String requested) {
        if (requested == null || requested.isBlank()) {
            return true;
        }
        for (String header : requested.split(",")) {
            String name = header.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !headers.contains(name)) {
                return false;
            }
        }
        return true;
    }
}
