package org.feedback360.gateway.filter;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.route.Route;

/**
 * Refuses requests that are too large before any work is spent on them: a URI longer than any
 * API path (414) and a declared body larger than the route's limit (413), both as problem+json
 * where Vert.x or a service would answer with a bare status or a dropped connection. A body
 * without a declared length is counted while it streams (see the proxy's request body).
 */
public final class RequestLimitFilter implements GatewayFilter {

    private final int maxUriLength;
    private final long defaultMaxBodyBytes;

    public RequestLimitFilter(int maxUriLength, long defaultMaxBodyBytes) {
        this.maxUriLength = maxUriLength;
        this.defaultMaxBodyBytes = defaultMaxBodyBytes;
    }

    @Override
    public void filter(Exchange exchange) {
        HttpServerRequest request = exchange.context().request();
        if (request.uri().length() > maxUriLength) {
            Problems.send(exchange.context(), 414, "uri-too-long", "URI Too Long",
                    "The request URI is longer than " + maxUriLength + " characters");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long max = maxBodyBytes(exchange.route());
            long length = parse(declared);
            if (length < 0) {
                refuse(exchange, 400, "invalid-content-length", "Bad Request", "The Content-Length header is not a number");
                return;
            }
            if (length > max) {
                refuse(exchange, 413, "payload-too-large", "Content Too Large",
                        "The request body is larger than " + max + " bytes");
                return;
            }
        }
        exchange.next();
    }

    public long maxBodyBytes(Route route) {
        return route == null ? defaultMaxBodyBytes : route.maxBodyBytes();
    }

    /** Answers and closes ({@link UnreadBody}): the client may still be sending a body nobody will read. */
    public static void refuse(Exchange exchange, int status, String slug, String title, String detail) {
        exchange.closeConnection();
        Problems.send(exchange.context(), status, slug, title, detail);
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
