package org.feedback360.gateway.filter;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id ({@code X-Request-Id}) and a W3C {@code traceparent},
 * passing on well-formed ones from the client and replacing anything else, so logs of the
 * gateway and of every service can be joined on them.
 */
public class CorrelationFilter implements Handler<RoutingContext> {

    public static final String TRACEPARENT = "traceparent";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void handle(RoutingContext ctx) {
        String requestId = ctx.request().getHeader(RequestIds.HEADER);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        String traceparent = ctx.request().getHeader(TRACEPARENT);
        if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            traceparent = newTraceparent();
        }
        ctx.put(RequestIds.CONTEXT_KEY, requestId);
        ctx.put(TRACEPARENT, traceparent);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        ctx.next();
    }

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
