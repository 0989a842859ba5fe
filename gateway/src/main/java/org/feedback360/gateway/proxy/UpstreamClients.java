package org.feedback360.gateway.proxy;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import org.feedback360.gateway.route.Route;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keep-alive HTTP/1.1 connection pools to one upstream, one pool per event loop. A Vert.x client
 * shared by all event loops hands a connection opened on one loop to a request on another, and
 * every read and write then hops threads; a pool per loop keeps each request and its upstream
 * connection on one thread. The route's connection budget is split evenly between the loops.
 */
final class UpstreamClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final ThreadLocal<HttpClient> perLoop = new ThreadLocal<>();
    private final List<HttpClient> all = new CopyOnWriteArrayList<>();

    UpstreamClients(Vertx vertx, Route route) {
        this.vertx = vertx;
        int loops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        int perLoopSize = Math.max(2, route.maxConnections() / Math.max(1, loops));
        this.options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setDefaultHost(route.target().getHost())
                .setDefaultPort(route.port())
                .setSsl(route.tls())
                .setKeepAlive(true)
                // Below any service's idle timeout, so the gateway never sends on a connection being closed.
                .setKeepAliveTimeout(30)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) route.connectTimeout().toMillis());
        this.pool = new PoolOptions()
                .setHttp1MaxSize(perLoopSize)
                // Bounded, so a stalled upstream cannot queue requests without end (503 past it).
                .setMaxWaitQueueSize(perLoopSize * 32);
    }

    /** The pool of the calling event loop, created on its first request. */
    HttpClient current() {
        HttpClient client = perLoop.get();
        if (client == null) {
            client = vertx.createHttpClient(options, pool);
            perLoop.set(client);
            all.add(client);
        }
        return client;
    }

    void close() {
        all.forEach(HttpClient::close);
    }
}
