package org.feedback360.scoring.analytics;

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

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** HR's cycle analytics: counts while a cycle runs, results from published figures once released. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class AnalyticsResourceTest {

    static {
        Api.configure();
    }

    @Inject
    Seed seed;

    static String path(CycleSpec cycle) {
        return "/api/v1/analytics/cycles/" + cycle.cycleId();
    }

    @Test
    void whileACycleRuns_hrSeesResponseCountsOnly() throws Exception {
        CycleSpec cycle = seed.open(seed.cycle(TestEvents.tenant(), "Running", "E-0200", "E-0201", "E-0202"));
        given().auth().oauth2(TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign()).get(path(cycle))
                .then().statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("responses.received", equalTo(24))
                .body("subjects.received", contains(8, 8, 8))
                .body("subjects.report", everyItem(equalTo("NOT_RELEASED")))
                .body("completion", nullValue())
                .body("results", nullValue())
                .body(not(containsString("mean")))
                .body(not(containsString("alignment")));
    }

    @Test
    void onceReleased_heatmapCategoriesPercentilesAndAlpha() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", "E-0200", "E-0201"));
        given().auth().oauth2(TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign()).get(path(cycle))
                .then().statusCode(200)
                .body("state", equalTo("RELEASED"))
                .body("completion.submitted", equalTo(16))
                .body("completion.rate", closeTo(16.0 / 20, 1e-9))
                .body("results.reports", equalTo(2))
                .body("subjects.report", contains("FROZEN", "FROZEN"))
                .body("results.dimensions", contains("TRUST", "COMMUNICATION"))
                .body("results.heatmap", hasSize(2))
                .body("results.heatmap[0].followersBasis", equalTo("DIRECT_REPORT"))
                .body("results.heatmap[0].cells.TRUST.followers.mean", closeTo(3.2222, 1e-4))
                .body("results.heatmap[0].cells.TRUST.followers.n", equalTo(3))
                .body("results.heatmap[0].cells.TRUST.gap", closeTo(1.7778, 1e-4))
                .body("results.categories.OVER_ESTIMATOR", equalTo(2))
                .body("results.categories.IN_AGREEMENT_GOOD", equalTo(0))
                .body("results.categories.NO_ALIGNMENT", equalTo(0))
                // Two subjects with equal values: each ranks at the midpoint.
                .body("results.percentiles.definition", containsString("plus half"))
                .body("results.percentiles.subjects[0].alignmentIndex.value", closeTo(0.5434, 1e-4))
                .body("results.percentiles.subjects[0].alignmentIndex.percentile", closeTo(50.0, 1e-9))
                .body("results.percentiles.subjects[0].followers.TRUST.percentile", closeTo(50.0, 1e-9))
                // TRUST: manager, dr1-3, peer1-2 answered all of t1-t3, twice over: 12 complete non-self cases.
                .body("results.alpha.TRUST.cases", equalTo(12))
                .body("results.alpha.TRUST.published", equalTo(true))
                .body("results.alpha.COMMUNICATION.published", equalTo(true));
    }

    @Test
    void alphaIsAbsentWithAReasonBelowTenCompleteCases() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Small", "E-0200"));
        given().auth().oauth2(TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign()).get(path(cycle))
                .then().statusCode(200)
                .body("results.alpha.TRUST.published", equalTo(false))
                .body("results.alpha.TRUST.reason", equalTo("TOO_FEW_COMPLETE_CASES"))
                .body("results.alpha.TRUST.value", nullValue());
    }

    @Test
    void onlyHrOfTheTenantSeesAnalytics() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", "E-0200"));
        given().auth().oauth2(TestTokens.employee(cycle.tenant(), "E-0200").sign()).get(path(cycle))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hrAdmin(TestEvents.tenant(), "HR-1").sign()).get(path(cycle))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign())
                .get("/api/v1/analytics/cycles/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign()).get("/api/v1/analytics/cycles/nope")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://feedback360.org/problems/invalid-cycle-id"));
    }
}
