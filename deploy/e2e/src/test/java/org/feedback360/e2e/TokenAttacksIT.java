package org.feedback360.e2e;

import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tokens an attacker could send, against the running gateway and Keycloak's real keys — and
 * the same tokens sent straight to each service, past the gateway, since every service checks
 * tokens itself (defence in depth: a request that gets around the gateway gains nothing).
 * Each must be refused with 401 problem+json; a well-formed token signed with a key the
 * realm publishes must pass everywhere, which proves the refusals are for the stated reason.
 */
class TokenAttacksIT {

    /** A protected endpoint of each entrance: the gateway, then each service directly. */
    record Target(String name, String baseUri, String path) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("gateway", Platform.GATEWAY, "/api/v1/me"),
            new Target("feedback-service", "http://127.0.0.1:8081", "/api/v1/me"),
            new Target("scoring-service", "http://127.0.0.1:8082", "/api/v1/reports"),
            new Target("notification-service", "http://127.0.0.1:8083", "/api/v1/me/inbox"));
    static String testKid;

    @BeforeAll
    static void publishTheTestKeyInTheRealm() throws InterruptedException {
        testKid = KeycloakAdmin.registerTestSigningKey();
        // A key the gateway has not seen yet: it must fetch the JWKS again (rotation without restart).
        String token = valid().sign();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        for (Target t : TARGETS) {
            int status;
            while ((status = given().baseUri(t.baseUri()).auth().oauth2(token).get(t.path()).statusCode()) != 200) {
                if (Instant.now().isAfter(deadline)) {
                    fail(t.name() + " still refuses a token signed with a newly published realm key (" + status + ")");
                }
                Thread.sleep(2000);
            }
        }
    }

    @AfterAll
    static void withdrawTheTestKey() {
        KeycloakAdmin.removeTestSigningKey();
    }

    /** A token the platform must accept: realm issuer, published key, every claim. */
    static TestTokens valid() {
        return TestTokens.employee(Platform.DEMO_TENANT, "E-0200").issuer(Platform.REALM).keyId(testKid);
    }

    static ValidatableResponse call(Target t, String token) {
        return given().baseUri(t.baseUri()).auth().oauth2(token).get(t.path()).then();
    }

    static ValidatableResponse call(String token) {
        return call(TARGETS.get(0), token);
    }

    /** The token is refused with 401 problem+json by the gateway and by every service directly. */
    static void assertRefused(String token) {
        List<String> accepted = new ArrayList<>();
        for (Target t : TARGETS) {
            try {
                call(t, token).statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("status", equalTo(401));
            } catch (AssertionError e) {
                accepted.add(t.name() + ": " + e.getMessage());
            }
        }
        Summary.record("token attacks, at the gateway and at each service directly (all 401)", TARGETS.size(), accepted.size());
        assertEquals(List.of(), accepted, "refused everywhere");
    }

    @Test
    void theControlTokenIsAccepted() {
        call(valid().sign()).statusCode(200).body("employeeId", equalTo("E-0200"));
        for (Target t : TARGETS) {
            call(t, valid().sign()).statusCode(200);
        }
    }

    @Test
    void expired() {
        assertRefused(valid().expiresAt(Instant.now().minusSeconds(300)).sign());
    }

    @Test
    void notYetValid() {
        assertRefused(valid().notBefore(Instant.now().plusSeconds(600)).sign());
    }

    @Test
    void wrongIssuer() {
        assertRefused(valid().issuer("http://127.0.0.1:8180/realms/master").sign());
    }

    @Test
    void signedWithAKeyTheRealmDoesNotPublish() {
        // test-support's key under Keycloak's own kid: the signature cannot verify.
        String realmKid = given().baseUri(Platform.REALM).get("/protocol/openid-connect/certs")
                .then().statusCode(200).extract().path("keys.find { it.use == 'sig' && it.alg == 'RS256' && it.kid != '" + testKid + "' }.kid");
        assertRefused(valid().keyId(realmKid).sign());
    }

    @Test
    void algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = payloadOf(Platform.userToken("leo.leader@acme.example"));
        assertRefused(header + "." + payload + ".");
        assertRefused(header + "." + payload);
    }

    @Test
    void hmacSignedWithTheRealmsPublicKey() {
        // The classic RS/HS confusion: the public key (known to everyone) used as an HMAC secret.
        String publicKey = given().baseUri(Platform.REALM).get("").then().statusCode(200).extract().path("public_key");
        String token = Jwt.issuer(Platform.REALM).subject("attacker").audience(TestTokens.AUDIENCE)
                .groups(java.util.Set.of("employee", "hr-admin")).claim("tenant", "acme").claim("employee_id", "E-0001")
                .expiresIn(300).jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(publicKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertRefused(token);
    }

    @Test
    void tamperedPayload() {
        String real = Platform.userToken("leo.leader@acme.example");
        call(real).statusCode(200);
        String[] parts = real.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = claims.replace("\"E-0200\"", "\"E-0001\"");
        assertEquals(false, forged.equals(claims), "the token should name E-0200");
        assertRefused(parts[0] + "." + b64(forged) + "." + parts[2]);
    }

    @Test
    void missingClaims() {
        assertRefused(valid().withoutTenant().sign());
        assertRefused(valid().withoutEmployeeId().sign());
    }

    @Test
    void garbage() {
        for (String token : new String[] {"x", "a.b.c", "Bearer", "....", "eyJhbGciOiJSUzI1NiJ9.e30.", "%00"}) {
            assertRefused(token);
        }
        for (Target t : TARGETS) {
            given().baseUri(t.baseUri()).header("Authorization", "Basic YWRtaW46YWRtaW4=").get(t.path()).then().statusCode(401)
                    .contentType("application/problem+json");
            given().baseUri(t.baseUri()).get(t.path()).then().statusCode(401).contentType("application/problem+json");
        }
    }

    private static String payloadOf(String jwt) {
        return jwt.split("\\.")[1];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
