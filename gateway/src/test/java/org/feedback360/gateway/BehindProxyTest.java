package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Behind a TLS-terminating load balancer, configured as the production overlay does it
 * (proxy-address-forwarding with the balancer as trusted proxy): the gateway takes the scheme
 * and the client address from it, so HSTS is sent and the services are told https. (Quarkus
 * ignores these headers from any address not listed as a trusted proxy.)
 */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
@TestProfile(BehindProxyTest.TlsEndsInFront.class)
class BehindProxyTest {

    private static final String TOKEN = TestTokens.employee("acme", "leo").sign();

    public static final class TlsEndsInFront implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void takesSchemeAndClientFromTheTrustedBalancer() {
        given().auth().oauth2(TOKEN)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.9")
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("Strict-Transport-Security", startsWith("max-age="))
                .body(containsString("x-forwarded-proto: https\n"))
                // The client as the balancer saw it, then the balancer itself: each hop once.
                .body(containsString("x-forwarded-for: 203.0.113.9, 127.0.0.1\n"));
        // A request the balancer received over plain HTTP gets no HSTS.
        given().auth().oauth2(TOKEN)
                .header("X-Forwarded-Proto", "http")
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("Strict-Transport-Security", nullValue())
                .body(containsString("x-forwarded-proto: http\n"));
    }
}
