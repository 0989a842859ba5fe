package org.feedback360.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.feedback360.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for ten thousand people without ten thousand Keycloak log-ins: the bench adds a key
 * pair to the realm (at the lowest priority, so Keycloak keeps signing with its own key but
 * publishes this one in its JWKS and the platform trusts it exactly like Keycloak's own) and signs
 * Keycloak-shaped tokens with it. The private half is in the repository, so the run removes the
 * key again at its end ({@link #unregister}).
 */
final class Tokens {

    private static final String KEY_NAME = "bench-signing-key";

    private final String keycloak;
    private final String issuer;
    private final String kid;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private Tokens(String keycloak, String kid) {
        this.keycloak = keycloak;
        this.issuer = keycloak + "/realms/feedback360";
        this.kid = kid;
    }

    private static final String REALM = "/admin/realms/feedback360";
    private static final String QUERY = "?name=" + URLEncoder.encode(KEY_NAME, StandardCharsets.UTF_8)
            + "&type=org.keycloak.keys.KeyProvider";

    static Tokens register(String keycloak) {
        Http kc = new Http(keycloak);
        String admin = adminToken(kc);
        String realm = REALM;
        String realmId = kc.get(realm, admin).expect(200).json().path("id").asText();
        String query = QUERY;
        if (kc.get(realm + "/components" + query, admin).expect(200).json().isEmpty()) {
            kc.post(realm + "/components", admin, Map.of(
                    "name", KEY_NAME, "providerId", "rsa", "providerType", "org.keycloak.keys.KeyProvider",
                    "parentId", realmId,
                    "config", Map.of("priority", List.of("1"), "enabled", List.of("true"), "active", List.of("true"),
                            "algorithm", List.of("RS256"), "privateKey", List.of(resource("test-jwt/private-key.pem")))))
                    .expect(201);
        }
        String component = kc.get(realm + "/components" + query, admin).expect(200).json().get(0).path("id").asText();
        for (JsonNode key : kc.get(realm + "/keys", admin).expect(200).json().path("keys")) {
            if (component.equals(key.path("providerId").asText())) {
                return new Tokens(keycloak, key.path("kid").asText());
            }
        }
        throw new IllegalStateException("Keycloak does not publish the bench key");
    }

    /** Removes the bench key from the realm, if it is there. */
    static void unregister(String keycloak) {
        Http kc = new Http(keycloak);
        String admin = adminToken(kc);
        for (JsonNode component : kc.get(REALM + "/components" + QUERY, admin).expect(200).json()) {
            kc.delete(REALM + "/components/" + component.path("id").asText(), admin).expect(204);
        }
    }

    private static String adminToken(Http kc) {
        return kc.postForm("/realms/master/protocol/openid-connect/token",
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin")
                .expect(200).json().path("access_token").asText();
    }

    String employee(String tenant, String employeeId) {
        return cache.computeIfAbsent(tenant + "/" + employeeId, k -> TestTokens.employee(tenant, employeeId)
                .issuer(issuer).keyId(kid).expiresAt(Instant.now().plus(Duration.ofHours(2))).sign());
    }

    String hrAdmin(String tenant, String employeeId) {
        return cache.computeIfAbsent("hr:" + tenant + "/" + employeeId, k -> TestTokens.hrAdmin(tenant, employeeId)
                .issuer(issuer).keyId(kid).expiresAt(Instant.now().plus(Duration.ofHours(2))).sign());
    }

    private static String resource(String name) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
