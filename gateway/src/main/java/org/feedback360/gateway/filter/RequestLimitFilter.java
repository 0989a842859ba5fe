package org.feedback360.gateway.filter;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.problem.Problems;

/**
 * Refuses requests that are too large before any work is spent on them: a URI longer than
 * any API path (414) and a declared body larger than the configured limit (413). Both as
 * problem+json, where Vert.x and the upstream services would answer with a bare status or
 * a dropped connection.
 */
public final class RequestLimitFilter implements Handler<RoutingContext> {

    private final int maxUriLength;
    private final long maxBodyBytes;

    public RequestLimitFilter(int maxUriLength, long maxBodyBytes) {
        this.maxUriLength = maxUriLength;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().uri().length() > maxUriLength) {
            Problems.send(ctx, 414, "uri-too-long", "URI Too Long",
                    "The request URI is longer than " + maxUriLength + " characters");
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            // Close after answering: the client may still be sending a body nobody will read.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx, 413, "payload-too-large", "Content Too Large",
                    "The request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
