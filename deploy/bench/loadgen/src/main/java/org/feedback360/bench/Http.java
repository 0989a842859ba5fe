package org.feedback360.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * A thin JSON client over Vert.x's HTTP client: keep-alive connections per instance, all I/O on one
 * event loop. The JDK's HttpClient it replaced spent about 2 ms of CPU per request across its
 * selector and worker threads, and its JIT compilation ran on into the measured minutes: the
 * generator took the platform's cores and showed as the platform's tail (report reads at 200/s:
 * p99 175–371 ms through it, 23–27 ms with the generator's JIT limited to C1, same platform).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One event loop is plenty for the rates the bench drives, and leaves the cores to the platform. */
    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));

    private static final long TIMEOUT_MILLIS = 60_000;

    private final HttpClient client;
    private final Context context = VERTX.getOrCreateContext();
    private final String prefix;

    Http(String base) {
        URI uri = URI.create(base);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        prefix = uri.getPath() == null ? "" : uri.getPath();
        // As many connections as an open loop keeps in flight; more requests wait in the pool's
        // queue, and that wait is part of their measured latency.
        client = VERTX.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(port)
                .setKeepAlive(true).setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(-1));
    }

    /** Stops the event loop: a JVM with Vert.x threads left running does not exit. */
    static void shutdown() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Answer expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException("expected " + wanted + ", got " + status + ": " + body);
            }
            return this;
        }
    }

    Answer get(String path, String token) {
        return await(getAsync(path, token));
    }

    CompletionStage<Answer> getAsync(String path, String token) {
        return send(HttpMethod.GET, path, headers(token), null);
    }

    Answer post(String path, String token, Object body) {
        return await(postAsync(path, token, body, MultiMap.caseInsensitiveMultiMap()));
    }

    /** @param extra more headers than the token's and the content type */
    CompletionStage<Answer> postAsync(String path, String token, Object body, MultiMap extra) {
        return send(HttpMethod.POST, path, headers(token).addAll(extra).set("Content-Type", "application/json"), write(body));
    }

    Answer postForm(String path, String form) {
        return await(send(HttpMethod.POST, path, MultiMap.caseInsensitiveMultiMap()
                .set("Content-Type", "application/x-www-form-urlencoded"), form));
    }

    Answer delete(String path, String token) {
        return await(send(HttpMethod.DELETE, path, headers(token), null));
    }

    static MultiMap headers(String token) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        return token == null ? headers : headers.set("Authorization", "Bearer " + token);
    }

    private CompletionStage<Answer> send(HttpMethod method, String path, MultiMap headers, String body) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(prefix + path).setHeaders(headers)
                .setIdleTimeout(TIMEOUT_MILLIS);
        // Sent from the event loop: a response handed to a caller's thread may have ended (and its
        // body gone) before that thread asks for the body (2 of 1,000 answers never completed).
        Promise<Answer> answer = Promise.promise();
        context.runOnContext(ignored -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString(StandardCharsets.UTF_8))))
                .onComplete(answer));
        return answer.future().toCompletionStage();
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
