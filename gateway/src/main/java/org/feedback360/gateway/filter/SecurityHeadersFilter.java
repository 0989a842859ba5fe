package org.feedback360.gateway.filter;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.feedback360.gateway.config.GatewayConfig;

/**
 * Security headers on every response, whoever produced it (a service, the gateway's own
 * problems, health, Swagger UI): no MIME sniffing, no referrer, no framing, a Content Security
 * Policy that lets the scoring service's HTML reports use inline styles and inline SVG but runs
 * no script, and HSTS where the connection is (or is declared to be) TLS. Set just before the
 * head is written, so an upstream cannot weaken them.
 */
public final class SecurityHeadersFilter implements GatewayFilter {

    // Pre-encoded names and values: Netty writes them without converting them on every response.
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence HSTS_NAME = HttpHeaders.createOptimized("Strict-Transport-Security");

    private final CharSequence csp;
    private final CharSequence docsCsp;
    private final String docsPath;
    private final GatewayConfig.SecurityHeaders.Hsts hsts;
    private final CharSequence hstsValue;

    public SecurityHeadersFilter(GatewayConfig.SecurityHeaders config) {
        this.csp = HttpHeaders.createOptimized(config.contentSecurityPolicy());
        this.docsCsp = HttpHeaders.createOptimized(config.docsContentSecurityPolicy());
        this.docsPath = config.docsPath();
        this.hsts = config.hsts();
        this.hstsValue = HttpHeaders.createOptimized("max-age=" + config.hstsMaxAge().toSeconds() + "; includeSubDomains");
    }

    @Override
    public void filter(Exchange exchange) {
        HttpServerRequest request = exchange.context().request();
        boolean docs = exchange.isPublic() && request.path().startsWith(docsPath);
        boolean strict = hsts == GatewayConfig.SecurityHeaders.Hsts.ALWAYS
                // scheme() is https on a TLS connection, and where a trusted proxy says so (X-Forwarded-Proto).
                || (hsts == GatewayConfig.SecurityHeaders.Hsts.WHEN_TLS && "https".equals(request.scheme()));
        exchange.context().addHeadersEndHandler(v -> {
            MultiMap headers = exchange.context().response().headers();
            headers.set(NOSNIFF_NAME, NOSNIFF);
            headers.set(REFERRER_NAME, NO_REFERRER);
            headers.set(FRAME_NAME, DENY);
            headers.set(CSP_NAME, docs ? docsCsp : csp);
            if (strict) {
                headers.set(HSTS_NAME, hstsValue);
            }
        });
        exchange.next();
    }
}
