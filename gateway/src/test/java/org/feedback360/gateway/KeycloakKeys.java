package org.feedback360.gateway;

import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The realm's JWKS endpoint as Keycloak serves it, on loopback: {@code GET /certs}. Tests change
 * the published keys (a rotation) with {@code PUT /admin/keys} and read how often the gateway
 * fetched the keys from {@code GET /admin/fetches}: over HTTP, because the gateway runs in a
 * different class loader than this resource.
 */
final class KeycloakKeys implements AutoCloseable {

    static final String TEST_KID = "test-key";

    private final HttpServer server;
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();

    KeycloakKeys() throws IOException {
        jwks.set("{\"keys\":[" + jwk(testPublicKey(), TEST_KID) + "]}");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            Upstream.respond(exchange, 200, "application/json", jwks.get());
        });
        server.createContext("/admin/keys", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                jwks.set(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            Upstream.respond(exchange, 200, "text/plain", "ok");
        });
        server.createContext("/admin/fetches", exchange ->
                Upstream.respond(exchange, 200, "text/plain", Integer.toString(fetches.get())));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The public half of test-support's key pair, which TestTokens signs with. */
    static RSAPublicKey testPublicKey() {
        try (InputStream pem = KeycloakKeys.class.getClassLoader().getResourceAsStream("test-jwt/public-key.pem")) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("test-support's public key cannot be read", e);
        }
    }

    /** A signing key as Keycloak publishes it. */
    static String jwk(RSAPublicKey key, String kid) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk.toJson();
    }
}
