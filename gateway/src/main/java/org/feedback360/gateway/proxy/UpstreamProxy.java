package org.feedback360.gateway.proxy;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.filter.CorrelationFilter;
import org.feedback360.gateway.filter.Exchange;
import org.feedback360.gateway.filter.GatewayFilter;
import org.feedback360.gateway.filter.RequestLimitFilter;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.route.Route;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The last filter of every route: streams the request to the upstream and its answer back over
 * the route's keep-alive pools. Bodies are never buffered, either way, and flow with
 * back-pressure. The request body is counted as it streams, so a body without a declared length
 * is cut off with a 413 the moment it passes the limit.
 * <p>
 * Failures become problem+json: no connection is a 503, silence past the route's timeout (counted
 * from the moment the upstream has the whole request) a 504, a broken connection a 502. The
 * upstream's {@link CircuitBreaker} counts those; while it is open requests are answered 503 at
 * once. Upstream answers of any status, error bodies included, pass through unchanged and count
 * as successes: the service is there and speaking for itself.
 */
public final class UpstreamProxy implements GatewayFilter {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1), never forwarded either way. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** The gateway sets these on the response itself. */
    private static final HeaderNames RESPONSE_SKIPPED = new HeaderNames(concat(HOP_BY_HOP,
            List.of(CorrelationFilter.REQUEST_ID, CorrelationFilter.TRACEPARENT)));
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(CorrelationFilter.REQUEST_ID);
    private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized(CorrelationFilter.TRACEPARENT);

    private final Route route;
    private final UpstreamClients clients;
    private final CircuitBreaker breaker;
    private final HeaderNames requestSkipped;
    private final long acquireTimeoutMillis;
    private final String retryAfterOpen;

    public UpstreamProxy(Vertx vertx, Route route, List<String> strippedHeaders) {
        this.route = route;
        this.clients = new UpstreamClients(vertx, route);
        this.breaker = new CircuitBreaker(route.breaker(), System::nanoTime, state -> log(route, state));
        this.requestSkipped = new HeaderNames(concat(HOP_BY_HOP, strippedHeaders, List.of("host", "expect",
                "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded",
                CorrelationFilter.REQUEST_ID, CorrelationFilter.TRACEPARENT)));
        // A busy pool's wait, then the TCP connect (whose own timeout, in the client, is the shorter):
        // so a connect that hangs fails as a connect failure, and only a wait for a busy pool as BUSY.
        this.acquireTimeoutMillis = route.poolWaitTimeout().toMillis() + route.connectTimeout().toMillis();
        this.retryAfterOpen = Long.toString(Math.max(1, route.breaker().delay().toSeconds()));
    }

    /** The breaker's state, for health and tests. */
    public String breakerState() {
        return breaker.state().name();
    }

    @Override
    public void filter(Exchange exchange) {
        long permit = breaker.acquire();
        if (permit == CircuitBreaker.REFUSED) {
            exchange.context().response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterOpen);
            Problems.send(exchange.context(), 503, "upstream-unavailable", "Service Unavailable",
                    "The " + route.id() + " service is failing; the gateway is not sending it requests for now");
            return;
        }
        new Call(exchange, permit).start();
    }

    /**
     * One request's way to the upstream and back; its handlers are the methods below. Its
     * timeout is an entry in the event loop's {@link Deadlines}: armed when the upstream has the
     * whole request, re-armed by every piece of the answer, disarmed when it is over.
     */
    private final class Call extends Deadlines.Entry implements Handler<AsyncResult<HttpClientRequest>> {

        private final Exchange exchange;
        private final RoutingContext ctx;
        private final HttpServerRequest in;
        private final HttpServerResponse response;
        private final long permit;
        private Deadlines deadlines;
        private HttpClientRequest out;
        private long declaredLength = -1;
        private long received;
        private boolean requestEnded;
        private long responseLength = -1;
        private boolean responseEnded;
        private boolean settled;

        Call(Exchange exchange, long permit) {
            this.exchange = exchange;
            this.ctx = exchange.context();
            this.in = ctx.request();
            this.response = ctx.response();
            this.permit = permit;
        }

        void start() {
            RequestOptions options = new RequestOptions()
                    .setMethod(in.method())
                    .setURI(forwardedUri(ctx))
                    .setConnectTimeout(acquireTimeoutMillis);
            UpstreamClients.Loop loop = clients.current();
            deadlines = loop.deadlines();
            loop.client().request(options).onComplete(this);
        }

        /** A connection is ours (or none could be had). */
        @Override
        public void handle(AsyncResult<HttpClientRequest> acquired) {
            if (acquired.failed()) {
                fail(new UpstreamException(acquisitionFailure(acquired.cause()), acquired.cause()));
                return;
            }
            out = acquired.result();
            copyRequestHeaders(exchange, in, out.headers());
            response.closeHandler(v -> {
                if (!response.ended()) {
                    out.reset(0, new UpstreamException(UpstreamException.Kind.CLIENT_GONE, null));
                }
            });
            out.response().onComplete(result -> {
                if (result.succeeded()) {
                    succeed(result.result());
                } else {
                    fail(classify(result.cause()));
                }
            });
            sendBody();
        }

        /**
         * Forwards the request body as it arrives, counting it; once it is all sent, the upstream
         * has the route's timeout to begin answering (and at most that long of silence afterwards).
         */
        private void sendBody() {
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                declaredLength = Long.parseLong(length.strip());
            } else if (in.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                out.setChunked(true);
            }
            if (in.isEnded()) {
                endRequest(null);
                return;
            }
            exchange.forwardingBody();
            if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                // The filters have passed: tell the client to send its body (the Expect header itself is not forwarded).
                response.writeContinue();
            }
            in.handler(this::requestChunk);
            in.exceptionHandler(failure -> out.reset(0, new UpstreamException(UpstreamException.Kind.CLIENT_GONE, failure)));
            in.endHandler(v -> {
                if (!requestEnded && received <= exchange.route().maxBodyBytes()) {
                    endRequest(null);
                }
            });
            in.resume();
        }

        private void requestChunk(Buffer chunk) {
            received += chunk.length();
            if (received > exchange.route().maxBodyBytes()) {
                in.handler(null);
                in.pause();
                out.reset(0, new UpstreamException(UpstreamException.Kind.BODY_TOO_LARGE, null));
                return;
            }
            if (received == declaredLength) {
                // The whole declared body: head, body and end in one write.
                endRequest(chunk);
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        }

        private void endRequest(Buffer last) {
            requestEnded = true;
            if (last == null) {
                out.end();
            } else {
                out.end(last);
            }
            deadlines.arm(this);
        }

        /** Past the route's timeout without a word from the upstream: 504 before the head, a cut-off after. */
        @Override
        void expire() {
            out.reset(0, new UpstreamException(UpstreamException.Kind.TIMEOUT, null));
        }

        /** The upstream's status and headers are here. */
        private void succeed(HttpClientResponse upstream) {
            settled = true;
            breaker.succeeded(permit);
            if (response.closed() || response.ended()) {
                deadlines.disarm(this);
                out.reset();
                return;
            }
            // From here on the timeout bounds the silence between pieces of the answer.
            deadlines.arm(this);
            response.setStatusCode(upstream.statusCode());
            MultiMap headers = response.headers();
            for (Map.Entry<String, String> header : upstream.headers()) {
                if (!RESPONSE_SKIPPED.contains(header.getKey())) {
                    headers.add(header.getKey(), header.getValue());
                }
            }
            String length = upstream.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                responseLength = Long.parseLong(length.strip());
            } else if (hasBody(in.method(), upstream.statusCode())) {
                response.setChunked(true);
            }
            upstream.handler(chunk -> responseChunk(upstream, chunk));
            // Headers are out: all that can be done about a broken upstream now is to cut the client off too.
            upstream.exceptionHandler(failure -> {
                deadlines.disarm(this);
                response.reset();
            });
            upstream.endHandler(v -> {
                deadlines.disarm(this);
                if (!responseEnded) {
                    response.end();
                }
            });
        }

        private void responseChunk(HttpClientResponse upstream, Buffer chunk) {
            if (chunk.length() == responseLength) {
                // A whole small answer in one piece: head, body and end in one write to the client.
                responseEnded = true;
                deadlines.disarm(this);
                response.end(chunk);
                return;
            }
            responseLength = -1;
            deadlines.arm(this);
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(v -> upstream.resume());
            }
        }

        private void fail(UpstreamException failure) {
            if (deadlines != null) {
                deadlines.disarm(this);
            }
            if (settled) {
                return;
            }
            settled = true;
            if (failure.kind.counted) {
                breaker.failed(permit);
            } else {
                breaker.released(permit);
            }
            switch (failure.kind) {
                case TIMEOUT -> Problems.send(ctx, 504, "upstream-timeout", "Gateway Timeout",
                        "The " + route.id() + " service did not answer in time");
                case UNAVAILABLE -> Problems.send(ctx, 503, "upstream-unavailable", "Service Unavailable",
                        "The " + route.id() + " service is not reachable");
                case BUSY -> {
                    response.putHeader(HttpHeaders.RETRY_AFTER, "1");
                    Problems.send(ctx, 503, "upstream-busy", "Service Unavailable",
                            "All connections to the " + route.id() + " service are in use; retry shortly");
                }
                case BODY_TOO_LARGE -> RequestLimitFilter.refuse(exchange, 413, "payload-too-large", "Content Too Large",
                        "The request body is larger than " + exchange.route().maxBodyBytes() + " bytes");
                case CLIENT_GONE -> response.reset();
                case FAILED -> {
                    LOG.debugf("upstream %s failed: %s", route.id(), failure.getCause());
                    Problems.send(ctx, 502, "upstream-failure", "Bad Gateway",
                            "The " + route.id() + " service failed to answer");
                }
            }
        }
    }

    /** The normalised path the route was chosen by, so the upstream sees what the gateway decided on. */
    private static String forwardedUri(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? ctx.normalizedPath() : ctx.normalizedPath() + '?' + query;
    }

    private void copyRequestHeaders(Exchange exchange, HttpServerRequest in, MultiMap out) {
        MultiMap headers = in.headers();
        String connection = headers.get(HttpHeaders.CONNECTION);
        HeaderNames alsoHopByHop = connection == null ? null : connectionTokens(connection);
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (!requestSkipped.contains(name) && (alsoHopByHop == null || !alsoHopByHop.contains(name))) {
                out.add(name, header.getValue());
            }
        }
        String forwardedFor = headers.get(X_FORWARDED_FOR);
        // The peer of this very connection: with proxy-address-forwarding, remoteAddress() is already
        // the address the load balancer named in X-Forwarded-For, which would then be listed twice.
        SocketAddress peer = in.connection() == null ? in.remoteAddress() : in.connection().remoteAddress();
        String client = peer == null ? "unknown" : peer.hostAddress();
        out.set(X_FORWARDED_FOR, forwardedFor == null ? client : forwardedFor + ", " + client);
        out.set(X_FORWARDED_PROTO, in.scheme());
        if (in.authority() != null) {
            out.set(X_FORWARDED_HOST, in.authority().toString());
        }
        out.set(REQUEST_ID, exchange.requestId());
        out.set(TRACEPARENT, exchange.traceparent());
    }

    /** Names a client lists in its Connection header are hop-by-hop too; "close" and "keep-alive" are no headers. */
    private static HeaderNames connectionTokens(String connection) {
        if (connection.indexOf(',') < 0 && (connection.equalsIgnoreCase("keep-alive") || connection.equalsIgnoreCase("close"))) {
            return null;
        }
        return new HeaderNames(List.of(connection.split("\\s*,\\s*")));
    }

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    /**
     * Why no connection could be had. Every connection of the pool busy (the wait timed out, or
     * the waiting line is full) says the upstream is alive and loaded: BUSY, which the breaker
     * does not count, because opening it would turn a burst into an outage of the whole route.
     * A refused, unreachable or hanging TCP connect says it is not there: UNAVAILABLE, counted.
     */
    private static UpstreamException.Kind acquisitionFailure(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof ConnectionPoolTooBusyException
                ? UpstreamException.Kind.BUSY : UpstreamException.Kind.UNAVAILABLE;
    }

    /** Our own reasons travel inside Vert.x's exceptions (a reset wraps its cause); anything else is the upstream's. */
    private static UpstreamException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpstreamException e) {
                return e;
            }
        }
        return new UpstreamException(failure instanceof TimeoutException
                ? UpstreamException.Kind.TIMEOUT : UpstreamException.Kind.FAILED, failure);
    }

    private static void log(Route route, CircuitBreaker.State state) {
        if (state == CircuitBreaker.State.OPEN) {
            LOG.warnf("Circuit breaker for the %s service is open: requests are refused for %s", route.id(), route.breaker().delay());
        } else {
            LOG.infof("Circuit breaker for the %s service is %s", route.id(), state);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    public void close() {
        clients.close();
    }
}
