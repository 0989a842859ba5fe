package org.feedback360.gateway.proxy;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.ContextInternal;
import org.feedback360.gateway.route.Route;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keep-alive HTTP/1.1 connection pools to one upstream, one pool per event loop, each with the
 * {@link Deadlines} of that loop's calls. A Vert.x client shared by all event loops hands a
 * connection opened on one loop to a request on another, and every read and write then hops
 * threads; a pool per loop keeps each request and its upstream connection on one thread. The
 * route's connection budget is split evenly between the loops.
 */
final class UpstreamClients {

    /** How often each loop looks for calls past their deadline: the timeouts' granularity. */
    static final long SWEEP_MILLIS = 50;

    /** One event loop's pool and in-flight calls. */
    record Loop(HttpClient client, Deadlines deadlines, long sweeper) {
    }

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final long timeoutNanos;
    private final ThreadLocal<Loop> perLoop = new ThreadLocal<>();
    private final List<Loop> all = new CopyOnWriteArrayList<>();

    UpstreamClients(Vertx vertx, Route route) {
        this.vertx = vertx;
        int loops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        int perLoopSize = Math.max(1, (route.maxConnections() + loops - 1) / Math.max(1, loops));
        this.timeoutNanos = route.timeout().toNanos();
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
                // The TCP connect alone; the wait for a busy pool's connection comes on top (UpstreamProxy).
                .setConnectTimeout((int) route.connectTimeout().toMillis());
        this.pool = new PoolOptions()
                .setHttp1MaxSize(perLoopSize)
                // Bounded, so a stalled upstream cannot queue requests without end (503 past it).
                .setMaxWaitQueueSize(perLoopSize * 32);
    }

    /** The calling event loop's pool and deadlines, made on its first request. */
    Loop current() {
        Loop loop = perLoop.get();
        if (loop == null) {
            if (!Context.isOnEventLoopThread()) {
                throw new IllegalStateException("upstream calls are made on an event loop");
            }
            Deadlines deadlines = new Deadlines(timeoutNanos, System::nanoTime);
            // On this loop's own context (not the request's), so the sweep runs here, with the calls it expires.
            ContextInternal context = ((ContextInternal) vertx.getOrCreateContext()).unwrap();
            long sweeper = context.setPeriodic(SWEEP_MILLIS, id -> deadlines.sweep());
            loop = new Loop(vertx.createHttpClient(options, pool), deadlines, sweeper);
            perLoop.set(loop);
            all.add(loop);
        }
        return loop;
    }

    void close() {
        for (Loop loop : all) {
            vertx.cancelTimer(loop.sweeper());
            loop.client().close();
        }
    }
}
