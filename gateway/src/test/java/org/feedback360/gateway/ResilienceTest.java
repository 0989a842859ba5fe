package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dead upstream, its circuit breaker, the gateway's readiness and the upstreams' aggregated
 * health, against services that really go away and come back (on the ports the configuration names).
 */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class ResilienceTest {

    private static final String TOKEN = TestTokens.employee("acme", "leo").sign();

    @TestHTTPResource("/")
    URI gateway;

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
    void theUpstreamsGroupIsUpOnlyWhenEveryUpstreamIsWhileTheGatewayItselfStaysReady() throws Exception {
        given().when().get("/q/health/group/upstreams")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.feedback", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.notification", containsString("DOWN"));
        // What Kubernetes probes: a dead service must not take the gateway (and every route) off the Ingress.
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("upstreams")))
                .body("checks.find { it.name == 'realm-keys' }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        try (Upstream notification = Upstream.startOn(portOf("notification"), "{}");
             Upstream flaky = Upstream.startOn(portOf("flaky"), "{}");
             Upstream pooled = Upstream.startOn(portOf("pooled"), "{}")) {
            given().when().get("/q/health/group/upstreams")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
        given().when().get("/q/health/group/upstreams").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aBusyPoolIsABusy503ThatLeavesTheBreakerClosed() throws Exception {
        // Route "narrow": one connection per event loop, 200 ms wait for it, breaker open at 2 failures in 4.
        int calls = 6;
        ExecutorService clients = Executors.newFixedThreadPool(calls);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                // A client (and connection) each: spread over the gateway's event loops and their pools.
                answers.add(clients.submit(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(URI.create(gateway + Upstream.SLOW_PATH.substring(1)))
                                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString())));
            }
            int served = 0;
            int busy = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(15, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    served++;
                } else {
                    assertEquals(503, response.statusCode(), response.body());
                    assertThat(response.body(), containsString("upstream-busy"));
                    assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
                    busy++;
                }
            }
            assertEquals(calls, served + busy);
            assertTrue(served >= 1 && busy >= 2, served + " served, " + busy + " busy");
        } finally {
            clients.shutdownNow();
        }
        // A loaded service is no failing one: the breaker stayed closed.
        given().auth().oauth2(TOKEN).when().get("/api/v1/narrow/next").then().statusCode(200)
                .body(containsString("GET /api/v1/narrow/next"));
    }

    @Test
    void reusesUpstreamConnectionsAcrossRequests() throws Exception {
        try (Upstream pooled = Upstream.startOn(portOf("pooled"), "{}")) {
            int requests = 20;
            for (int i = 0; i < requests; i++) {
                given().auth().oauth2(TOKEN).when().get("/api/v1/pooled/" + i).then().statusCode(200);
            }
            // One keep-alive connection per event loop at most (sequential requests never need two),
            // where a proxy without a pool would have opened one per request.
            int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
            assertTrue(pooled.connections() <= Math.min(eventLoops, requests / 2),
                    requests + " requests came on " + pooled.connections() + " connections");
        }
    }

    @Test
    void isNotReadyWithoutARealmKeyAndAsksForThemAgain() throws Exception {
        publishKeys("");
        try {
            // An unknown key id makes the gateway read the JWKS (at most once a second in tests): now empty.
            Thread.sleep(1_100);
            given().auth().oauth2(TestTokens.employee("acme", "leo").keyId("unknown-" + UUID.randomUUID()).sign())
                    .when().get("/api/v1/me").then().statusCode(401);
            given().when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body("checks.find { it.name == 'realm-keys' }.status", equalTo("DOWN"));
        } finally {
            publishKeys(KeycloakKeys.jwk(KeycloakKeys.testPublicKey(), KeycloakKeys.TEST_KID));
        }
        // The readiness check itself asks for the keys again: no token, no routine read needed.
        long deadline = System.currentTimeMillis() + 5_000;
        int status;
        do {
            Thread.sleep(300);
            status = given().when().get("/q/health/ready").then().extract().statusCode();
        } while (status != 200 && System.currentTimeMillis() < deadline);
        assertEquals(200, status, "the gateway did not read the realm's keys again");
        given().auth().oauth2(TOKEN).when().get("/api/v1/me").then().statusCode(200);
    }

    private static void publishKeys(String jwks) {
        given().baseUri(ConfigProvider.getConfig().getValue("test.keycloak-admin", String.class))
                .body("{\"keys\":[" + jwks + "]}")
                .when().put("/keys").then().statusCode(200);
    }

    static int portOf(String route) {
        String target = ConfigProvider.getConfig().getValue("gateway.routes." + route + ".target", String.class);
        int port = URI.create(target).getPort();
        assertEquals(true, port > 0);
        return port;
    }
}
