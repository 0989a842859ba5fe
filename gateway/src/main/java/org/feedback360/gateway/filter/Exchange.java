package org.feedback360.gateway.filter;

import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.security.VerifiedToken;

/**
 * One request on its way through the gateway: the filters still to run and what the earlier
 * ones found out (correlation ids, the matched route, the verified token). Typed fields
 * instead of the routing context's map, because every filter reads them on every request.
 */
public final class Exchange {

    private final RoutingContext ctx;
    private final long startNanos = System.nanoTime();
    private final Route route;
    private final boolean publicPath;
    private GatewayFilter[] filters;
    private int position;

    private String requestId;
    private String traceparent;
    private VerifiedToken token;
    private boolean bodyForwarded;
    private boolean closeConnection;

    public Exchange(RoutingContext ctx, Route route, boolean publicPath, GatewayFilter[] filters) {
        this.ctx = ctx;
        this.route = route;
        this.publicPath = publicPath;
        this.filters = filters;
    }

    /** Runs the next filter; past the last one, hands over to the handlers behind the gateway's chain. */
    public void next() {
        if (position < filters.length) {
            filters[position++].filter(this);
        } else {
            ctx.next();
        }
    }

    /** Continues with another chain: the global filters end by entering the matched route's own. */
    public void enter(GatewayFilter[] chain) {
        this.filters = chain;
        this.position = 0;
        next();
    }

    public RoutingContext context() {
        return ctx;
    }

    public long startNanos() {
        return startNanos;
    }

    /** The route the path matched, or null. */
    public Route route() {
        return route;
    }

    /** Served without a token (health, OpenAPI, Swagger UI, the API root). */
    public boolean isPublic() {
        return publicPath;
    }

    public String requestId() {
        return requestId;
    }

    public String traceparent() {
        return traceparent;
    }

    /** The 32 hex digits of the W3C trace id. */
    public String traceId() {
        return traceparent == null ? null : traceparent.substring(3, 35);
    }

    void correlate(String requestId, String traceparent) {
        this.requestId = requestId;
        this.traceparent = traceparent;
    }

    /** The verified token, or null on public paths and before the token filter. */
    public VerifiedToken token() {
        return token;
    }

    public void authenticated(VerifiedToken token) {
        this.token = token;
    }

    /** The proxy has taken the request body over: it streams it, or cuts it off itself. */
    public void forwardingBody() {
        this.bodyForwarded = true;
    }

    public boolean bodyForwarded() {
        return bodyForwarded;
    }

    /** The connection is not to be reused after this answer (see {@link UnreadBody}). */
    public void closeConnection() {
        this.closeConnection = true;
    }

    public boolean closesConnection() {
        return closeConnection;
    }
}
