package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * The gateway-wide rate limits are one budget per client and per tenant over all routes that use
 * them: spreading requests over the feedback, scoring and notification routes buys no more.
 * (Small limits here, hence a profile of its own.)
 */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
@TestProfile(SharedRateLimitTest.SmallLimits.class)
class SharedRateLimitTest {

    public static final class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limits.per-client.requests", "4",
                    "gateway.rate-limits.per-client.period", "1h",
                    "gateway.rate-limits.per-tenant.requests", "6",
                    "gateway.rate-limits.per-tenant.period", "1h");
        }
    }

    @Test
    void aClientAndATenantHaveOneBudgetOverAllRoutes() {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TestTokens.employee(tenant, "alice").sign();
        String bob = TestTokens.employee(tenant, "bob").sign();
        // Two routes, two requests each: the client's 4 are spent.
        given().auth().oauth2(alice).when().get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(alice).when().get("/api/v1/people/1").then().statusCode(200);
        given().auth().oauth2(alice).when().get("/api/v1/reports/7").then().statusCode(200);
        given().auth().oauth2(alice).when().get("/api/v1/analytics/x").then().statusCode(200);
        for (String path : new String[]{"/api/v1/me", "/api/v1/reports/7", "/api/v1/me/inbox"}) {
            given().auth().oauth2(alice).when().get(path).then().statusCode(429)
                    .header("RateLimit-Limit", "4")
                    .body("detail", containsString("client"));
        }
        // The tenant's 6: two more from bob, on yet another route mix, then the tenant is out.
        given().auth().oauth2(bob).when().get("/api/v1/reports/7").then().statusCode(200);
        given().auth().oauth2(bob).when().get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(bob).when().get("/api/v1/people/2").then().statusCode(429)
                .header("RateLimit-Limit", "6")
                .body("detail", containsString("tenant"));
        // A route with limits of its own ("limited": 3 per client, 5 per tenant) counts apart.
        given().auth().oauth2(alice).when().get("/api/v1/limited").then().statusCode(200);
        // Other tenants have their own budget.
        given().auth().oauth2(TestTokens.employee("t-" + UUID.randomUUID(), "carol").sign())
                .when().get("/api/v1/reports/7").then().statusCode(200);
    }
}
