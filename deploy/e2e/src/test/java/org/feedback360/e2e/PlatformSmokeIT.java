package org.feedback360.e2e;

import org.junit.jupiter.api.Test;

import static org.feedback360.e2e.Platform.anonymous;
import static org.feedback360.e2e.Platform.as;
import static org.feedback360.e2e.Platform.asHrPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** The README's promise: a token from Keycloak gets a 200 through the gateway; no token gets a 401. */
class PlatformSmokeIT {

    @Test
    void aDemoEmployeeIsKnownThroughTheGateway() {
        as("leo.leader@acme.example").when().get("/api/v1/me")
                .then().statusCode(200)
                .header("X-Request-Id", startsWith(""))
                .body("tenant", equalTo("acme"))
                .body("employeeId", equalTo("E-0200"))
                .body("roles", hasItem("employee"));
    }

    @Test
    void theHrPortalSeesTheDemoDirectory() {
        asHrPortal().queryParam("managerId", "E-0200").when().get("/api/v1/people")
                .then().statusCode(200)
                .body("items.employeeId", hasItems("E-0301", "E-0302", "E-0303"));
    }

    @Test
    void noTokenMeans401ProblemAtTheGateway() {
        anonymous().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void everyServiceIsReadyBehindTheGateway() {
        // The gateway's own readiness says it can check tokens; the group says its upstreams are ready too.
        anonymous().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().when().get("/q/health/group/upstreams").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.feedback", equalTo("UP"))
                .body("checks[0].data.scoring", equalTo("UP"))
                .body("checks[0].data.notification", equalTo("UP"));
    }
}
