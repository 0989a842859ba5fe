package org.feedback360.gateway.problem;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.filter.RequestIds;

/**
 * Writes RFC 9457 problem+json answers from Vert.x handlers, in the same shape the
 * services produce, so a client sees one error format whoever answered.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://feedback360.org/problems/";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().headWritten()) {
            // Too late for a problem document: the upstream's answer has begun; cut it off.
            ctx.response().reset();
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }
}
