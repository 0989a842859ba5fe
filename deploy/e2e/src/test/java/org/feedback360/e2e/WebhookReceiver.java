package org.feedback360.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An HR portal's webhook endpoint on loopback: it records every delivery, verifies its
 * Standard Webhooks signature the way notification-service's README tells receivers to, and
 * can go down for a while (its port then refuses connections) and come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** @param body the raw body as received (what a repeat must carry unchanged) */
    record Delivery(String id, String timestamp, boolean signatureValid, String body, JsonNode event, Instant at) {
        String type() {
            return event.path("type").asText();
        }

        String cycleId() {
            return event.path("data").path("cycleId").asText();
        }

        /** The CloudEvent id: the platform event this delivery carries. */
        String eventId() {
            return event.path("id").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;
    private String subscriptionId;
    private String secret;

    WebhookReceiver() {
        server = start(0);
        port = server.getAddress().getPort();
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            s.createContext("/hook", this::receive);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Subscribes this receiver as the demo HR portal; remembers the secret shown once. */
    WebhookReceiver subscribe(List<String> eventTypes) {
        var created = Platform.asHrPortal().contentType("application/json")
                .body(Map.of("url", url(), "eventTypes", eventTypes, "description", "e2e receiver"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        subscriptionId = created.getString("id");
        secret = created.getString("secret");
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    String subscriptionId() {
        return subscriptionId;
    }

    void goDown() {
        server.stop(0);
    }

    void comeBack() {
        server = start(port);
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        deliveries.add(new Delivery(id, timestamp, verify(id, timestamp, signature, body), body, JSON.readTree(body),
                Instant.now()));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** The README's procedure: HMAC-SHA256 over id.timestamp.body with the decoded secret, 5-minute tolerance. */
    private boolean verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null || secret == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : signatures.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Delivery> deliveries(Predicate<Delivery> which) {
        return deliveries.stream().filter(which).toList();
    }

    /**
     * Waits until {@code count} distinct events (by webhook-id) match, or the timeout passes, and
     * returns what matched by then: for counting before asserting.
     */
    List<Delivery> awaitUpTo(Predicate<Delivery> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Org.before(deadline) && deliveries(which).stream().map(Delivery::id).distinct().count() < count) {
            Org.sleep(Duration.ofMillis(300));
        }
        return deliveries(which);
    }

    /** Waits until {@code count} distinct events (by webhook-id) match. */
    List<Delivery> await(Predicate<Delivery> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Org.before(deadline)) {
            if (deliveries(which).stream().map(Delivery::id).distinct().count() >= count) {
                return deliveries(which);
            }
            Org.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("expected " + count + " webhook events within " + timeout + ", got "
                + deliveries(which).stream().map(Delivery::type).toList());
    }

    @Override
    public void close() {
        server.stop(0);
        if (subscriptionId != null) {
            Platform.asHrPortal().delete("/api/v1/webhooks/" + subscriptionId);
        }
    }
}
