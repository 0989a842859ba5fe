package org.feedback360.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP service on loopback standing in for a Feedback360 service: it answers its
 * readiness probe and its OpenAPI document like a Quarkus service, echoes every other API
 * request (method, URI, headers, body as lines of text), and has a few endpoints that misbehave
 * on purpose.
 */
final class Upstream implements AutoCloseable {

    static final String BIG_PATH = "/api/v1/reports/big";
    static final int BIG_SIZE = 3 * 1024 * 1024;

    static final String SLOW_PATH = "/api/v1/narrow/slow";
    static final long SLOW_MILLIS = 1_500;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    /** The client end of every connection an API request came on: how many connections the gateway opened. */
    private final Set<InetSocketAddress> peers = ConcurrentHashMap.newKeySet();

    private Upstream(int port, String openApi) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(threads);
        server.createContext("/q/health/ready", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}"));
        server.createContext("/q/openapi", exchange -> respond(exchange, 200, "application/json", openApi));
        server.createContext("/api/v1/", exchange -> {
            peers.add(exchange.getRemoteAddress());
            echo(exchange);
        });
        server.createContext(SLOW_PATH, exchange -> {
            sleep(SLOW_MILLIS);
            echo(exchange);
        });
        server.createContext("/api/v1/reports/stall", exchange -> {
            sleep(5_000);
            respond(exchange, 200, "text/plain", "too late");
        });
        server.createContext("/api/v1/reports/failing", exchange -> respond(exchange, 500, "application/problem+json",
                "{\"type\":\"https://feedback360.org/problems/internal\",\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"from the service\"}"));
        server.createContext(BIG_PATH, Upstream::big);
        server.start();
    }

    static Upstream start(String openApi) throws IOException {
        return new Upstream(0, openApi);
    }

    /** On a given port: for upstreams that come back where a dead one was. */
    static Upstream startOn(int port, String openApi) throws IOException {
        return new Upstream(port, openApi);
    }

    /** Connections the API requests came on so far. */
    int connections() {
        return peers.size();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Answers with the method, URI, headers and body it received, as lines of text. */
    private static void echo(HttpExchange exchange) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI()).append('\n');
        new TreeMap<>(exchange.getRequestHeaders()).forEach((name, values) ->
                out.append(name.toLowerCase()).append(": ").append(String.join(",", values)).append('\n'));
        try (InputStream body = exchange.getRequestBody()) {
            out.append('\n').append(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("X-Request-Id", "the-service-must-not-override-this");
        respond(exchange, 200, "text/plain", out.toString());
    }

    /** A large answer of unknown length (chunked), written in pieces. */
    private static void big(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, (byte) 'x');
        try (OutputStream out = exchange.getResponseBody()) {
            for (int written = 0; written < BIG_SIZE; written += piece.length) {
                out.write(piece);
            }
        }
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port nothing listens on: bound once to learn a free number, then released. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
