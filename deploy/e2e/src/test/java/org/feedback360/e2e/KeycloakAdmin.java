package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/**
 * The few Keycloak admin REST calls the end-to-end suite needs to set up what a real
 * deployment's operators would: extra signing keys, passwords for provisioned people.
 * Local development credentials only (admin/admin, see deploy/local).
 */
final class KeycloakAdmin {

    private static final String TEST_KEY_NAME = "e2e-test-signing-key";

    private KeycloakAdmin() {
    }

    static RequestSpecification admin() {
        String token = given().baseUri(Platform.KEYCLOAK)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().baseUri(Platform.KEYCLOAK + "/admin/realms/feedback360").auth().oauth2(token)
                .contentType("application/json");
    }

    /**
     * Adds the test-support key pair to the realm as a passive-priority RSA key: Keycloak
     * keeps signing with its own key, but publishes this one in its JWKS, so tokens the
     * suite signs with it are as trustworthy as Keycloak's own — which lets the suite craft
     * expired, not-yet-valid and claim-less tokens that fail for exactly that reason.
     *
     * @return the key id under which the JWKS publishes it
     */
    static String registerTestSigningKey() {
        String realmId = admin().get("").then().statusCode(200).extract().path("id");
        Optional<String> existing = testKeyComponentId();
        if (existing.isEmpty()) {
            admin().body(Map.of(
                            "name", TEST_KEY_NAME,
                            "providerId", "rsa",
                            "providerType", "org.keycloak.keys.KeyProvider",
                            "parentId", realmId,
                            "config", Map.of(
                                    "priority", List.of("1"),
                                    "enabled", List.of("true"),
                                    "active", List.of("true"),
                                    "algorithm", List.of("RS256"),
                                    "privateKey", List.of(resource("test-jwt/private-key.pem")))))
                    .post("/components").then().statusCode(201);
        }
        String component = testKeyComponentId().orElseThrow();
        JsonPath keys = admin().get("/keys").then().statusCode(200).extract().jsonPath();
        return keys.getList("keys.findAll { it.providerId == '" + component + "' }.kid", String.class).get(0);
    }

    static void removeTestSigningKey() {
        testKeyComponentId().ifPresent(id -> admin().delete("/components/" + id).then().statusCode(204));
    }

    private static Optional<String> testKeyComponentId() {
        List<String> ids = admin().queryParam("name", TEST_KEY_NAME).queryParam("type", "org.keycloak.keys.KeyProvider")
                .get("/components").then().statusCode(200).extract().jsonPath().getList("id", String.class);
        return ids.stream().findFirst();
    }

    static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
