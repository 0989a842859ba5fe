package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

    private static String token;
    private static Instant tokenExpires = Instant.MIN;

    /** A fresh request specification (they are mutable) with a cached admin token. */
    static synchronized RequestSpecification admin() {
        if (Instant.now().isAfter(tokenExpires)) {
            token = given().baseUri(Platform.KEYCLOAK)
                    .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", "admin").formParam("password", "admin")
                    .post("/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            tokenExpires = Instant.now().plusSeconds(40); // master realm tokens live 60 s
        }
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

    /**
     * Waits until feedback-service has provisioned each of these people into Keycloak (its
     * provisioning relay runs every few seconds), then sets their first password.
     */
    static void awaitUsersAndSetPasswords(List<String> usernames, String password, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (String username : usernames) {
            String id;
            while ((id = userId(username)) == null) {
                if (!Org.before(deadline)) {
                    throw new AssertionError(username + " was not provisioned into Keycloak within " + timeout);
                }
                Org.sleep(Duration.ofMillis(500));
            }
            admin().body(Map.of("type", "password", "value", password, "temporary", false))
                    .put("/users/" + id + "/reset-password").then().statusCode(204);
        }
    }

    /**
     * A Keycloak user made directly by an operator, outside any directory import: for the other
     * tenant of the access matrix and for a person with no role at all.
     */
    static void createUser(String username, String tenant, String employeeId, List<String> roles, String password) {
        if (userId(username) == null) {
            admin().body(Map.of("username", username, "email", username, "firstName", "E2E", "lastName", employeeId,
                            "enabled", true, "emailVerified", true,
                            "attributes", Map.of("tenant", List.of(tenant), "employee_id", List.of(employeeId)),
                            "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                    .post("/users").then().statusCode(201);
        }
        String id = userId(username);
        if (!roles.isEmpty()) {
            List<Map<String, Object>> all = admin().get("/roles").then().statusCode(200).extract().jsonPath().getList("$");
            List<Map<String, Object>> wanted = all.stream().filter(r -> roles.contains((String) r.get("name"))).toList();
            admin().body(wanted).post("/users/" + id + "/role-mappings/realm").then().statusCode(204);
        }
    }

    private static String userId(String username) {
        List<String> ids = admin().queryParam("username", username).queryParam("exact", true)
                .get("/users").then().statusCode(200).extract().jsonPath().getList("id", String.class);
        return ids.isEmpty() ? null : ids.get(0);
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
