package org.feedback360.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.feedback360.gateway.filter.CorrelationFilter;
import org.feedback360.gateway.filter.RequestIds;
import org.feedback360.gateway.problem.Problems;
import org.feedback360.gateway.route.Route;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Streams a request to one upstream and its answer back, over a pool of keep-alive
 * connections. Bodies are never buffered. Upstream failures become problem+json:
 * no answer in time is a 504, an unreachable upstream a 503.
 */
public class UpstreamProxy implements Handler<RoutingContext> {

    private final Route route;
    private final HttpClient client;
    private final List<String> strippedHeaders;

    public UpstreamProxy(Vertx vertx, Route route, List<String> strippedHeaders) {
        this.route = route;
        this.strippedHeaders = strippedHeaders;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(route.target().getHost())
                        .setDefaultPort(route.port())
                        .setSsl(route.tls())
                        .setKeepAlive(true)
                        .setConnectTimeout((int) route.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(route.maxConnections()));
    }

    @Override
    public void handle(RoutingContext ctx) {
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(ctx.request());
        prepareHeaders(ctx, proxyRequest.headers());
        RequestOptions options = new RequestOptions()
                .setIdleTimeout(route.timeout().toMillis());
        Future<ProxyResponse> response = client.request(options)
                .compose(proxyRequest::send);
        response.onSuccess(ProxyResponse::send)
                .onFailure(failure -> answerFailure(ctx, proxyRequest, failure));
    }

    private void prepareHeaders(RoutingContext ctx, MultiMap headers) {
        strippedHeaders.forEach(headers::remove);
        headers.set(RequestIds.HEADER, (String) ctx.get(RequestIds.CONTEXT_KEY));
        headers.set(CorrelationFilter.TRACEPARENT, (String) ctx.get(CorrelationFilter.TRACEPARENT));
        headers.set("X-Forwarded-Proto", ctx.request().scheme());
        headers.set("X-Forwarded-Host", String.valueOf(ctx.request().authority()));
    }

    private void answerFailure(RoutingContext ctx, ProxyRequest proxyRequest, Throwable failure) {
        proxyRequest.release();
        if (isTimeout(failure)) {
            Problems.send(ctx, 504, "upstream-timeout", "Gateway Timeout",
                    "The " + route.id() + " service did not answer in time");
        } else if (causedBy(failure, ConnectException.class)) {
            Problems.send(ctx, 503, "upstream-unavailable", "Service Unavailable",
                    "The " + route.id() + " service is not reachable");
        } else {
            Problems.send(ctx, 502, "upstream-failure", "Bad Gateway",
                    "The " + route.id() + " service failed to answer");
        }
    }

    private static boolean isTimeout(Throwable failure) {
        // Only a silent upstream: a connect timeout is a ConnectException, i.e. unreachable.
        return causedBy(failure, TimeoutException.class)
                && !causedBy(failure, ConnectException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public void close() {
        client.close();
    }
}
