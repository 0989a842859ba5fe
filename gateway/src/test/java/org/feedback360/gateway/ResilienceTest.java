package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dead upstream, its circuit breaker, and the aggregated readiness, against services that
 * really go away and come back (on the ports the configuration names).
 */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class ResilienceTest {

    private static final String TOKEN = TestTokens.employee("acme", "leo").sign();

    @Test
    void aDeadUpstreamOpensItsBreakerWhichClosesAgainWhenTheServiceIsBack() throws Exception {
        // Route "flaky": breaker over 4 calls, opens at half failing, 1 s open, 1 probe closes it.
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(TOKEN).when().get("/api/v1/flaky")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The flaky service is not reachable"));
        }
        given().auth().oauth2(TOKEN).when().get("/api/v1/flaky")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("detail", containsString("is failing"));
        // Other upstreams are not affected.
        given().auth().oauth2(TOKEN).when().get("/api/v1/me").then().statusCode(200);

        try (Upstream back = Upstream.startOn(portOf("flaky"), "{}")) {
            // Still open: the service is not even asked until the delay is over.
            given().auth().oauth2(TOKEN).when().get("/api/v1/flaky").then().statusCode(503)
                    .body("detail", containsString("is failing"));
            Thread.sleep(1_100);
            // Half-open: this probe succeeds and closes the breaker.
            given().auth().oauth2(TOKEN).when().get("/api/v1/flaky").then().statusCode(200)
                    .body(containsString("GET /api/v1/flaky"));
            for (int i = 0; i < 5; i++) {
                given().auth().oauth2(TOKEN).when().get("/api/v1/flaky").then().statusCode(200);
            }
        }
        // Gone again: failing calls, then open again.
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(TOKEN).when().get("/api/v1/flaky").then().statusCode(503);
        }
        given().auth().oauth2(TOKEN).when().get("/api/v1/flaky").then().statusCode(503)
                .body("detail", containsString("is failing"));
    }

    @Test
    void isReadyOnlyWhenEveryUpstreamIsAndAliveRegardless() throws Exception {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.feedback", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.notification", containsString("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        try (Upstream notification = Upstream.startOn(portOf("notification"), "{}");
             Upstream flaky = Upstream.startOn(portOf("flaky"), "{}")) {
            given().when().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
        given().when().get("/q/health/ready").then().statusCode(503);
    }

    static int portOf(String route) {
        String target = ConfigProvider.getConfig().getValue("gateway.routes." + route + ".target", String.class);
        int port = URI.create(target).getPort();
        assertEquals(true, port > 0);
        return port;
    }
}
