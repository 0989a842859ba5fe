package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class GatewayProxyTest {

    private static final String TOKEN = TestTokens.employee("acme", "leo").sign();

    @Test
    void forwardsAnAuthenticatedRequestWithItsTokenAndCorrelationHeaders() {
        given().auth().oauth2(TOKEN)
                .header("X-Request-Id", "portal-42")
                .when().get("/api/v1/me?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", "portal-42")
                .body(containsString("GET /api/v1/me?x=1"))
                .body(containsString("authorization: Bearer " + TOKEN))
                .body(containsString("x-request-id: portal-42"))
                .body(matchesPattern("(?s).*traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-01.*"));
    }

    @Test
    void streamsRequestBodiesToTheUpstream() {
        given().auth().oauth2(TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"Leo\"}")
                .when().post("/api/v1/people/import")
                .then().statusCode(200)
                .body(containsString("POST /api/v1/people/import"))
                .body(containsString("{\"name\":\"Leo\"}"));
    }

    @Test
    void stripsIdentityHeadersAClientTriesToAssert() {
        given().auth().oauth2(TOKEN)
                .header("X-Tenant", "globex")
                .header("X-Employee-Id", "ceo")
                .header("X-Forwarded-User", "admin")
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body(not(containsString("globex")))
                .body(not(containsString("x-employee-id")))
                .body(not(containsString("x-forwarded-user")));
    }

    @Test
    void replacesAMalformedRequestIdWithAFreshOne() {
        given().auth().oauth2(TOKEN)
                .header("X-Request-Id", "bad id\twith spaces")
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().auth().oauth2(TestTokens.employee("acme", "leo").expiresAt(Instant.now().minusSeconds(120)).sign())
                .when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.employee("acme", "leo").issuer("https://evil.example/realms/x").sign())
                .when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(TOKEN.substring(0, TOKEN.length() - 4) + "AAAA")
                .when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void refusesOversizeBodiesAndUrisWithProblems() {
        given().auth().oauth2(TOKEN).contentType("application/json").body("x".repeat(1_048_577))
                .when().post("/api/v1/people/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/people/" + "a".repeat(5000))
                .then().statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void answersUnknownApiPathsWithAProblem() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("requestId", notNullValue());
    }

    @Test
    void answersAStalledUpstreamWith504WithinTheRouteTimeout() {
        long started = System.nanoTime();
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/reports/stall")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway Timeout"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        org.hamcrest.MatcherAssert.assertThat(millis, lessThan(4_000L));
    }

    @Test
    void answersAnUnreachableUpstreamWith503() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/webhooks")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("notification"));
    }

    @Test
    void keepsHealthPublic() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
