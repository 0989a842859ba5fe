package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every token an attacker or a broken client could send is refused with 401 problem+json and a
 * Bearer challenge, and never reaches a service; the control token signed by the realm's key
 * passes, which proves each refusal is for the stated reason. Keys come from a real JWKS
 * endpoint, whose keys the tests rotate.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class TokenCheckTest {

    private static final String PROTECTED = "/api/v1/me";

    static ValidatableResponse call(String token) {
        return given().auth().oauth2(token).when().get(PROTECTED).then();
    }

    static void assertRefused(String token) {
        call(token).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"feedback360\", error=\"invalid_token\""))
                .body("status", equalTo(401))
                .body("type", equalTo("https://feedback360.org/problems/unauthorized"));
    }

    /** A token like Keycloak's, signed with test-support's key, with the claims to vary. */
    static JwtClaimsBuilder claims() {
        return Jwt.issuer(TestTokens.ISSUER)
                .subject(UUID.randomUUID().toString())
                .audience(TestTokens.AUDIENCE)
                .groups(Set.of("employee"))
                .claim("azp", "feedback360-app")
                .claim("tenant", "acme")
                .claim("employee_id", "E-1")
                .expiresIn(300);
    }

    static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KeycloakKeys.TEST_KID).sign(TestTokens.PRIVATE_KEY);
    }

    @Test
    void theControlTokenIsAccepted() {
        call(signed(claims())).statusCode(200).body(containsString("GET " + PROTECTED));
        call(TestTokens.employee("acme", "leo").sign()).statusCode(200);
    }

    @Test
    void noTokenGetsAChallengeWithoutAnError() {
        given().when().get(PROTECTED).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"feedback360\""));
        given().header("Authorization", "Basic YWxpY2U6c2VjcmV0").when().get(PROTECTED).then().statusCode(401);
        given().header("Authorization", "Bearer ").when().get(PROTECTED).then().statusCode(401);
    }

    @Test
    void expired() {
        assertRefused(TestTokens.employee("acme", "leo").expiresAt(Instant.now().minusSeconds(120)).sign());
        call(TestTokens.employee("acme", "leo").expiresAt(Instant.now().minusSeconds(120)).sign())
                .body("detail", equalTo("The token has expired"));
    }

    @Test
    void notYetValid() {
        assertRefused(TestTokens.employee("acme", "leo").notBefore(Instant.now().plusSeconds(600)).sign());
    }

    @Test
    void wrongIssuer() {
        assertRefused(TestTokens.employee("acme", "leo").issuer("https://evil.example/realms/feedback360").sign());
    }

    @Test
    void wrongAudience() {
        assertRefused(signed(claims().audience("some-other-api")));
        assertRefused(signed(claims().audience(Set.of())));
    }

    @Test
    void missingPlatformClaims() {
        assertRefused(TestTokens.employee("acme", "leo").withoutTenant().sign());
        assertRefused(TestTokens.employee("acme", "leo").withoutEmployeeId().sign());
        assertRefused(signed(claims().claim("tenant", "  ")));
        assertRefused(signed(claims().claim("employee_id", 42)));
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        assertRefused(signed(claims().claim("typ", "ID")));
        call(signed(claims().claim("typ", "Bearer"))).statusCode(200);
    }

    @Test
    void signedWithAKeyTheRealmDoesNotPublishUnderTheRealmsKid() throws Exception {
        KeyPair other = rsa();
        assertRefused(claims().jws().keyId(KeycloakKeys.TEST_KID).sign(other.getPrivate()));
    }

    @Test
    void tamperedPayload() {
        String[] parts = signed(claims()).split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"acme\"", "\"globex\"");
        assertRefused(parts[0] + "." + b64(forged) + "." + parts[2]);
    }

    @Test
    void algNone() {
        String payload = signed(claims()).split("\\.")[1];
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KeycloakKeys.TEST_KID + "\"}");
        assertRefused(header + "." + payload + ".");
        assertRefused(header + "." + payload);
    }

    @Test
    void hmacSignedWithTheRealmsPublicKey() throws Exception {
        // The classic RS/HS confusion: the public key, known to everyone, used as an HMAC secret.
        byte[] publicKeyPem;
        try (InputStream pem = getClass().getClassLoader().getResourceAsStream("test-jwt/public-key.pem")) {
            publicKeyPem = pem.readAllBytes();
        }
        assertRefused(claims().jws().algorithm(SignatureAlgorithm.HS256).keyId(KeycloakKeys.TEST_KID)
                .sign(new SecretKeySpec(publicKeyPem, "HmacSHA256")));
    }

    @Test
    void garbage() {
        assertRefused("not-a-jwt");
        assertRefused("a.b.c");
        assertRefused("x".repeat(20_000));
    }

    @Test
    void aRotatedKeyIsPickedUpWithoutRestart() throws Exception {
        KeyPair rotated = rsa();
        String kid = "rotated-" + UUID.randomUUID();
        String token = claims().jws().keyId(kid).sign(rotated.getPrivate());
        call(token).statusCode(401).body("detail", equalTo("The token is not signed by a key of the realm"));

        publish(KeycloakKeys.jwk(KeycloakKeys.testPublicKey(), KeycloakKeys.TEST_KID),
                KeycloakKeys.jwk((RSAPublicKey) rotated.getPublic(), kid));
        try {
            // The refresh for the first sighting happened before the key was published; the next is
            // allowed once the minimum interval (1 s in tests) has passed.
            long deadline = System.currentTimeMillis() + 5_000;
            int status;
            do {
                Thread.sleep(300);
                status = given().auth().oauth2(token).when().get(PROTECTED).statusCode();
            } while (status != 200 && System.currentTimeMillis() < deadline);
            assertEquals(200, status, "a token signed with a newly published key is still refused");
            call(signed(claims())).statusCode(200);
        } finally {
            publish(KeycloakKeys.jwk(KeycloakKeys.testPublicKey(), KeycloakKeys.TEST_KID));
        }
    }

    @Test
    void tokensOfAWithdrawnKeyAreRefusedAlthoughVerifiedBefore() throws Exception {
        String token = signed(claims());
        call(token).statusCode(200);
        KeyPair other = rsa();
        publish(KeycloakKeys.jwk((RSAPublicKey) other.getPublic(), "successor"));
        try {
            rereadKeys();
            assertRefused(token);
        } finally {
            publish(KeycloakKeys.jwk(KeycloakKeys.testPublicKey(), KeycloakKeys.TEST_KID));
            rereadKeys();
        }
        call(token).statusCode(200);
    }

    /** An unknown key id makes the gateway read the JWKS, once the minimum interval (1 s in tests) is over. */
    private static void rereadKeys() throws InterruptedException {
        Thread.sleep(1_100);
        call(claims().jws().keyId("unknown-" + UUID.randomUUID()).sign(TestTokens.PRIVATE_KEY)).statusCode(401);
    }

    @Test
    void madeUpKeyIdsCannotHammerKeycloak() throws Exception {
        Thread.sleep(1_100);
        int before = fetches();
        long started = System.currentTimeMillis();
        for (int i = 0; i < 30; i++) {
            assertRefused(claims().jws().keyId("made-up-" + UUID.randomUUID()).sign(TestTokens.PRIVATE_KEY));
        }
        long seconds = (System.currentTimeMillis() - started) / 1000;
        int fetched = fetches() - before;
        // At most one read per started second of the 1 s minimum interval, however many unknown kids.
        assertTrue(fetched >= 1 && fetched <= seconds + 1, "JWKS read " + fetched + " times for 30 unknown kids in " + seconds + " s");
    }

    private static void publish(String... jwks) {
        given().baseUri(admin()).body("{\"keys\":[" + String.join(",", jwks) + "]}")
                .when().put("/keys").then().statusCode(200);
    }

    private static int fetches() {
        return Integer.parseInt(given().baseUri(admin()).when().get("/fetches").then().statusCode(200).extract().asString());
    }

    private static String admin() {
        return ConfigProvider.getConfig().getValue("test.keycloak-admin", String.class);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
