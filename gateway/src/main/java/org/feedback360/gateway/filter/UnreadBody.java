package org.feedback360.gateway.filter;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * What becomes of a request body the gateway answered without forwarding (a 401, 403, 404, 413,
 * 429 or 503 before the proxy, or a handler that ignores it). Quarkus resumes a paused request
 * when its answer ends, and Vert.x then reads and drops the body for as long as the client sends
 * it: an endless chunked upload without a token would keep a connection and an event loop busy
 * for good. So, on HTTP/1.x:
 * <ul>
 *   <li>a declared body of at most {@code drainLimit} bytes is read and discarded after the
 *       answer, and the connection stays open for the next request;</li>
 *   <li>anything else (larger, of unknown length, a refused {@code Expect: 100-continue}, or an
 *       exchange a filter wants closed) is answered with {@code Connection: close}, then drained
 *       for at most {@code drainLimit} bytes and {@code lingerMillis} (so the client reads the
 *       answer rather than a reset, as nginx's lingering close does), and the connection closed.</li>
 * </ul>
 * On HTTP/2 only the stream is concerned: its body is discarded for at most {@code lingerMillis},
 * then the stream is reset. Not by size: a client that stops reading frames while it waits for
 * flow-control credit (the JDK's HttpClient before JDK-8293786) would never see the reset nor the
 * answer, whereas a body that ends in time lets every client read the answer.
 */
public final class UnreadBody {

    private final Vertx vertx;
    private final long drainLimit;
    private final long lingerMillis;

    public UnreadBody(Vertx vertx, long drainLimit, long lingerMillis) {
        this.vertx = vertx;
        this.drainLimit = drainLimit;
        this.lingerMillis = lingerMillis;
    }

    /** For a request whose body was held: decides at the answer's head, acts at its end. */
    public void watch(Exchange exchange) {
        exchange.context().addHeadersEndHandler(v -> beforeHead(exchange));
        exchange.context().addEndHandler(result -> {
            if (result.succeeded()) {
                afterAnswer(exchange);
            }
        });
    }

    private void beforeHead(Exchange exchange) {
        HttpServerRequest request = exchange.context().request();
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        if (!exchange.closesConnection() && !exchange.bodyForwarded() && !request.isEnded() && !drainable(request)) {
            exchange.closeConnection();
        }
        if (exchange.closesConnection()) {
            exchange.context().response().headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    private boolean drainable(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = length == null ? -1 : parse(length);
        // A client waiting for "100 Continue" sends no body after a refusal: nothing would come to drain.
        return declared >= 0 && declared - request.bytesRead() <= drainLimit
                && !request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true);
    }

    private void afterAnswer(Exchange exchange) {
        HttpServerRequest request = exchange.context().request();
        HttpServerResponse response = exchange.context().response();
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        HttpConnection connection = request.connection();
        boolean close = !http2 && exchange.closesConnection();
        if (request.isEnded() || (exchange.bodyForwarded() && !close)) {
            if (close) {
                connection.close();
            }
            return;
        }
        long[] left = {drainLimit};
        long timer = http2 ? vertx.setTimer(lingerMillis, id -> response.reset())
                : close ? vertx.setTimer(lingerMillis, id -> connection.close()) : -1;
        request.exceptionHandler(failure -> { });
        request.handler(chunk -> {
            left[0] -= chunk.length();
            if (left[0] < 0 && !http2) {
                request.handler(null);
                connection.close();
            }
        });
        request.endHandler(end -> {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            if (close) {
                connection.close();
            }
        });
        request.resume();
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
