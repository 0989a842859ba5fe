package org.feedback360.scoring.trend;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedback360.scoring.support.Api;
import org.feedback360.scoring.support.Seed;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestEvents.CycleSpec;
import org.feedback360.scoring.support.TestTopics;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A subject's trend across released cycles. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TrendResourceTest {

    static {
        Api.configure();
    }

    static final String LEADER = "E-0200";

    @Inject
    Seed seed;

    @Test
    void releasedCyclesInReleaseOrder_withoutTheRunningOne() throws Exception {
        String tenant = TestEvents.tenant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Released in the opposite order of creation.
        CycleSpec spring = seed.release(seed.open(seed.cycle(tenant, "Spring", LEADER)), now);
        CycleSpec autumn = seed.release(seed.open(seed.cycle(tenant, "Autumn", LEADER)), now.minus(90, ChronoUnit.DAYS));
        seed.open(seed.cycle(tenant, "Running", LEADER));

        for (String token : new String[] {TestTokens.employee(tenant, LEADER).sign(), TestTokens.hrAdmin(tenant, "HR-1").sign()}) {
            given().auth().oauth2(token).get("/api/v1/trends/subjects/" + LEADER)
                    .then().statusCode(200)
                    .body("subjectId", equalTo(LEADER))
                    .body("cycles.cycleName", contains("Autumn", "Spring"))
                    .body("cycles[0].cycleId", equalTo(autumn.cycleId().toString()))
                    .body("cycles[1].cycleId", equalTo(spring.cycleId().toString()))
                    .body("cycles[0].alignmentIndex", closeTo(0.5434, 1e-4))
                    .body("cycles[0].category", equalTo("OVER_ESTIMATOR"))
                    .body("cycles[0].dimensions.dimension", contains("TRUST", "COMMUNICATION"))
                    .body("cycles[0].dimensions[0].name", equalTo("Dimension TRUST"))
                    .body("cycles[0].dimensions[0].self.mean", closeTo(5.0, 1e-9))
                    .body("cycles[0].dimensions[0].followers.mean", closeTo(3.2222, 1e-4));
        }
        given().auth().oauth2(TestTokens.hrAdmin(tenant, "HR-1").sign())
                .queryParam("instrument", "leader-follower").get("/api/v1/trends/subjects/" + LEADER)
                .then().statusCode(200).body("cycles", hasSize(0));
    }

    @Test
    void anotherEmployeesTrendIsNotFound_andAnotherTenantSeesNothing() throws Exception {
        String tenant = TestEvents.tenant();
        seed.openAndRelease(seed.cycle(tenant, "Spring", LEADER));
        given().auth().oauth2(TestTokens.employee(tenant, "E-0300").sign()).get("/api/v1/trends/subjects/" + LEADER)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hrAdmin(TestEvents.tenant(), "HR-1").sign()).get("/api/v1/trends/subjects/" + LEADER)
                .then().statusCode(200).body("cycles", hasSize(0));
        given().auth().oauth2(TestTokens.employee(TestEvents.tenant(), LEADER).sign()).get("/api/v1/trends/subjects/" + LEADER)
                .then().statusCode(200).body("cycles", hasSize(0));
    }

    @Test
    void badValuesAreProblems() {
        String hr = TestTokens.hrAdmin("acme", "HR-1").sign();
        given().auth().oauth2(hr).get("/api/v1/trends/subjects/-bad")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://feedback360.org/problems/invalid-subject-id"));
        given().auth().oauth2(hr).queryParam("instrument", "Not A Key").get("/api/v1/trends/subjects/E-1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://feedback360.org/problems/invalid-instrument"));
    }
}
