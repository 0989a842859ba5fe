package org.feedback360.testsupport;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every Feedback360 service promises its operators and clients, whatever its domain:
 * health probes, Prometheus metrics, an OpenAPI document, and RFC 9457 problems for
 * unauthenticated and unknown requests. A service's test extends this class and is
 * annotated {@code @QuarkusTest}; JUnit runs the inherited tests against that service.
 */
public abstract class PlatformContract {

    static final String PROBLEM_JSON = "application/problem+json";

    /**
     * A path of the service's API that requires a token, or {@code null} while the service
     * has no API yet (the token checks are then reported as skipped, not passed).
     */
    protected abstract String protectedPath();

    private String requireApi() {
        Assumptions.assumeTrue(protectedPath() != null, "the service has no API yet");
        return protectedPath();
    }

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[] {"/q/health/live", "/q/health/ready"}) {
            given().when().get(probe)
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesAnOpenApiDocumentOfItsApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", notNullValue());
    }

    @Test
    void refusesAMissingTokenWithAProblem() {
        given().when().get(requireApi())
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void refusesAnExpiredTokenWithAProblem() {
        String expired = TestTokens.employee("acme", "E-1").expiresAt(Instant.now().minusSeconds(600)).sign();
        given().auth().oauth2(expired).when().get(requireApi())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void refusesATokenFromAnotherIssuerWithAProblem() {
        String foreign = TestTokens.employee("acme", "E-1").issuer("https://evil.example/realms/feedback360").sign();
        given().auth().oauth2(foreign).when().get(requireApi())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void answersUnknownApiPathsWithAProblem() {
        given().auth().oauth2(TestTokens.employee("acme", "E-1").sign())
                .when().get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("type", startsWith("https://feedback360.org/problems/"));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
