package org.feedback360.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Keycloak-shaped access tokens for service tests, signed with the test key pair in
 * {@code test-jwt/}. Services verify them in the {@code %test} profile exactly as they
 * verify Keycloak's tokens in production: signature, issuer, audience and expiry.
 * End-to-end tests use real Keycloak tokens instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/feedback360";
    public static final String AUDIENCE = "feedback360-api";
    public static final String PRIVATE_KEY = "test-jwt/private-key.pem";

    private String tenant = "acme";
    private String employeeId;
    private Set<String> roles = Set.of("employee");
    private String issuer = ISSUER;
    private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
    private Instant notBefore;
    private String keyId = "test-key";

    private TestTokens() {
    }

    public static TestTokens employee(String tenant, String employeeId) {
        TestTokens t = new TestTokens();
        t.tenant = tenant;
        t.employeeId = employeeId;
        return t;
    }

    public static TestTokens hrAdmin(String tenant, String employeeId) {
        return employee(tenant, employeeId).roles("employee", "hr-admin");
    }

    public TestTokens roles(String... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    /** A token that is not valid yet ({@code nbf} in the future). */
    public TestTokens notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    /** The {@code kid} header: end-to-end tests use the id under which Keycloak publishes the test key. */
    public TestTokens keyId(String keyId) {
        this.keyId = keyId;
        return this;
    }

    public TestTokens withoutEmployeeId() {
        this.employeeId = null;
        return this;
    }

    public TestTokens withoutTenant() {
        this.tenant = null;
        return this;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(UUID.nameUUIDFromBytes((tenant + "/" + employeeId).getBytes()).toString())
                .audience(AUDIENCE)
                .groups(roles)
                // Issued 15 minutes before expiry, as Keycloak's do, but never in the future.
                .issuedAt(min(expiresAt.minus(Duration.ofMinutes(15)), Instant.now()))
                .expiresAt(expiresAt);
        if (notBefore != null) {
            claims.claim("nbf", notBefore.getEpochSecond());
        }
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        if (employeeId != null) {
            claims.claim("employee_id", employeeId);
            claims.claim("preferred_username", employeeId);
        }
        return claims.jws().keyId(keyId).sign(PRIVATE_KEY);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Convenience for rest-assured: {@code given().auth().oauth2(token)}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
