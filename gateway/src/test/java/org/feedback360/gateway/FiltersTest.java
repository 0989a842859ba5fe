package org.feedback360.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global and per-route filters, observed from the client, the upstream and the access log. */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class FiltersTest {

    private static final String TOKEN = TestTokens.employee("acme", "leo").sign();
    private static final String PORTAL = "https://portal.acme.example";

    // ---- correlation ids

    @Test
    void passesOnAWellFormedRequestIdAndTraceparent() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(TOKEN)
                .header("X-Request-Id", "portal-42")
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=1")
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("X-Request-Id", "portal-42")
                .header("traceparent", traceparent)
                .body(containsString("x-request-id: portal-42\n"))
                .body(containsString("traceparent: " + traceparent + "\n"))
                .body(containsString("tracestate: vendor=1"));
    }

    @Test
    void createsThemWhenMissingAndReplacesMalformedOnes() {
        Response response = given().auth().oauth2(TOKEN)
                .header("X-Request-Id", "bad id\twith spaces")
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "vendor=1")
                .when().get("/api/v1/me");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .header("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                // The service sees the gateway's ids, not the client's, and its own X-Request-Id does not win.
                .body(containsString("x-request-id: " + response.header("X-Request-Id") + "\n"))
                .body(containsString("traceparent: " + response.header("traceparent") + "\n"))
                .body(not(containsString("tracestate")));
        given().when().get("/q/health/live").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    // ---- security headers

    @Test
    void securityHeadersOnEveryResponse() {
        for (Response response : List.of(
                given().auth().oauth2(TOKEN).when().get("/api/v1/me"),
                given().when().get("/api/v1/me"),
                given().when().get("/q/health/ready"),
                given().when().get("/api"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'"))
                    .header("Content-Security-Policy", not(containsString("script-src")))
                    // Plain HTTP here: HSTS only where TLS ends (HSTS=when-tls).
                    .header("Strict-Transport-Security", nullValue());
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    // ---- CORS

    @Test
    void answersAPreflightFromAPortalAtTheGateway() {
        given().header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .when().options("/api/v1/responses/7/submit")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", containsString("Origin"));
        given().auth().oauth2(TOKEN).header("Origin", PORTAL).when().get("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void givesUnknownOriginsNoCorsHeaders() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(TOKEN).header("Origin", "https://evil.example").when().get("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-tenant")
                .when().options("/api/v1/me")
                .then().statusCode(403);
    }

    // ---- rate limits (route "limited": 3 per 6 s per client, 5 per 20 s per tenant; refilled
    // evenly, one every 2 s and 4 s: slow enough that a loaded machine's slow requests do not refill them)

    @Test
    void limitsEachClientAndEachTenantThenRecovers() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TestTokens.employee(tenant, "alice").sign();
        String bob = TestTokens.employee(tenant, "bob").sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).when().get("/api/v1/limited").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(alice).when().get("/api/v1/limited");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[12]"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .body("detail", containsString("client"));
        // Another client of the same tenant has its own allowance, until the tenant's is spent.
        given().auth().oauth2(bob).when().get("/api/v1/limited").then().statusCode(200);
        given().auth().oauth2(bob).when().get("/api/v1/limited").then().statusCode(200);
        Response tenantRefused = given().auth().oauth2(bob).when().get("/api/v1/limited");
        tenantRefused.then().statusCode(429)
                .header("RateLimit-Limit", "5")
                .body("detail", containsString("tenant"));
        // Other tenants are not affected.
        given().auth().oauth2(TestTokens.employee("t-" + UUID.randomUUID(), "carol").sign())
                .when().get("/api/v1/limited").then().statusCode(200);
        // This route has limits of its own, counted in buckets of its own: the gateway-wide budget
        // (shared by the other routes, see SharedRateLimitTest) is untouched.
        given().auth().oauth2(alice).when().get("/api/v1/me").then().statusCode(200);

        // Both allowances refill: after Retry-After, the next request passes.
        Thread.sleep(Long.parseLong(tenantRefused.header("Retry-After")) * 1000 + 200);
        given().auth().oauth2(bob).when().get("/api/v1/limited").then().statusCode(200);
        String dave = TestTokens.employee("t-" + UUID.randomUUID(), "dave").sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(dave).when().get("/api/v1/limited").then().statusCode(200);
        }
        Response daveRefused = given().auth().oauth2(dave).when().get("/api/v1/limited");
        daveRefused.then().statusCode(429).header("Retry-After", matchesPattern("[12]"));
        Thread.sleep(Long.parseLong(daveRefused.header("Retry-After")) * 1000 + 200);
        given().auth().oauth2(dave).when().get("/api/v1/limited").then().statusCode(200);
    }

    // ---- metrics, on the management interface only

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void countsRequestsPerRouteAndStatusClassOnTheManagementPort() {
        given().auth().oauth2(TOKEN).when().get("/api/v1/me").then().statusCode(200);
        given().when().get(metrics).then().statusCode(200)
                .body(matchesPattern("(?s).*gateway_requests_seconds_count\\{route=\"feedback\",status=\"2xx\"} [1-9].*"));
        given().auth().oauth2(TOKEN).when().get("/q/metrics").then().statusCode(404);
    }

    // ---- access log

    private final List<String> accessLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheAccessLog() {
        Logger.getLogger("feedback360.access").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("feedback360.access").removeHandler(capture);
    }

    @Test
    void writesOneJsonLinePerRequestWithoutTokensOrQueries() throws Exception {
        String requestId = "log-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/me?code=one-time-secret")
                .then().statusCode(200);
        given().header("X-Request-Id", requestId + "-anonymous").when().get("/api/v1/me").then().statusCode(401);

        JsonNode line = awaitLine(requestId);
        assertEquals("GET", line.get("method").asText());
        assertEquals("/api/v1/me", line.get("path").asText());
        assertEquals("feedback", line.get("route").asText());
        assertTrue(line.get("upstream").asText().startsWith("127.0.0.1:"));
        assertEquals(200, line.get("status").asInt());
        assertTrue(line.get("bytesOut").asLong() > 0);
        assertTrue(line.get("durationMs").asDouble() > 0);
        assertEquals("-", line.get("clientId").asText());
        assertEquals("acme", line.get("tenant").asText());
        assertTrue(line.get("traceId").asText().matches("[0-9a-f]{32}"));
        assertTrue(line.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        JsonNode refused = awaitLine(requestId + "-anonymous");
        assertEquals(401, refused.get("status").asInt());
        assertTrue(refused.get("tenant").isNull());
        for (String raw : accessLog) {
            assertFalse(raw.contains(TOKEN.substring(0, 40)), "a token in the access log: " + raw);
            assertFalse(raw.contains("one-time-secret"), "a query in the access log: " + raw);
        }
    }

    private JsonNode awaitLine(String requestId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {
            for (String raw : accessLog) {
                JsonNode line = json.readTree(raw);
                if (requestId.equals(line.path("requestId").asText())) {
                    assertThat(raw, not(containsString("\n")));
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access log line for " + requestId + " in " + accessLog);
    }
}
