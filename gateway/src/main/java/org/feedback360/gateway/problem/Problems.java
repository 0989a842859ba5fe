package org.feedback360.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.filter.CorrelationFilter;

/**
 * Writes RFC 9457 problem+json answers from Vert.x handlers, in the same shape the
 * services produce, so a client sees one error format whoever answered.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://feedback360.org/problems/";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // Too late for a problem document: the upstream's answer has begun; cut it off.
            response.reset();
            return;
        }
        if (response.ended() || response.closed()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        // Set on every response by the correlation filter before anything can fail.
        String requestId = response.headers().get(CorrelationFilter.REQUEST_ID);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }
}
