package org.feedback360.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * Real HTTP upstreams on loopback for the gateway tests: one that echoes what it received,
 * one that stalls, and the address of one that is not there at all.
 */
public class UpstreamServers implements QuarkusTestResourceLifecycleManager {

    private HttpServer echo;

    @Override
    public Map<String, String> start() {
        try {
            echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            echo.setExecutor(Executors.newFixedThreadPool(4));
            echo.createContext("/api/v1/", UpstreamServers::echo);
            echo.createContext("/api/v1/reports/stall", exchange -> {
                sleep(5_000);
                respond(exchange, 200, "too late");
            });
            echo.start();
            String target = "http://127.0.0.1:" + echo.getAddress().getPort();
            return Map.of(
                    "gateway.routes.feedback.target", target,
                    "gateway.routes.scoring.target", target,
                    "gateway.routes.scoring.timeout", "1s",
                    "gateway.routes.notification.target", "http://127.0.0.1:" + freePort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
        }
    }

    /** Answers with the method, path, headers and body it received, as lines of text. */
    private static void echo(HttpExchange exchange) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI()).append('\n');
        new TreeMap<>(exchange.getRequestHeaders()).forEach((name, values) ->
                out.append(name.toLowerCase()).append(": ").append(String.join(",", values)).append('\n'));
        try (InputStream body = exchange.getRequestBody()) {
            out.append('\n').append(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        respond(exchange, 200, out.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port nothing listens on: bound once to learn a free number, then released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
