package org.feedback360.scoring.report;

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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Who may read which report, and what the API answers to bad input and before release. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ReportResourceTest {

    static {
        Api.configure();
    }

    static final String PROBLEM = "application/problem+json";
    static final String LEADER = "E-0200";
    static final String OTHER_LEADER = "E-0201";

    @Inject
    Seed seed;

    static String path(CycleSpec cycle, String subject) {
        return "/api/v1/reports/" + cycle.cycleId() + "/subjects/" + subject;
    }

    @Test
    void theSubjectReadsTheirOwnReport_asJsonByDefault_andAsHtml() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", LEADER, OTHER_LEADER));
        String own = TestTokens.employee(cycle.tenant(), LEADER).sign();

        given().auth().oauth2(own).when().get(path(cycle, LEADER))
                .then().statusCode(200).contentType("application/json")
                .body("cycleId", equalTo(cycle.cycleId().toString()))
                .body("cycleName", equalTo("Autumn"))
                .body("subject.employeeId", equalTo(LEADER))
                .body("labels.locale", equalTo("en"))
                .body("labels.items.t1", equalTo("Item t1"))
                .body("report.alignment.index", closeTo(0.5434, 1e-4));
        given().auth().oauth2(own).accept("text/html").when().get(path(cycle, LEADER))
                .then().statusCode(200).header("Content-Type", "text/html;charset=UTF-8")
                .body(containsString("<html"));
    }

    @Test
    void anotherEmployeesReport_isNotFound() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", LEADER, OTHER_LEADER));
        String other = TestTokens.employee(cycle.tenant(), OTHER_LEADER).sign();
        given().auth().oauth2(other).get(path(cycle, LEADER))
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/not-found"));
        given().auth().oauth2(other).accept("text/html").get(path(cycle, LEADER))
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anotherTenantsReport_isNotFound_evenForItsHrAndForTheSameEmployeeId() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", LEADER));
        String elsewhere = TestEvents.tenant();
        for (String token : new String[] {TestTokens.hrAdmin(elsewhere, "HR-1").sign(),
                TestTokens.employee(elsewhere, LEADER).sign()}) {
            given().auth().oauth2(token).get(path(cycle, LEADER))
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token).queryParam("cycleId", cycle.cycleId().toString()).get("/api/v1/reports")
                    .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        }
    }

    @Test
    void hrReadsAnyReportOfItsTenant_andListsThem() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", LEADER, OTHER_LEADER));
        String hr = TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign();
        given().auth().oauth2(hr).get(path(cycle, OTHER_LEADER))
                .then().statusCode(200).body("subject.name", equalTo("Name of " + OTHER_LEADER));
        given().auth().oauth2(hr).queryParam("cycleId", cycle.cycleId().toString()).get("/api/v1/reports")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2))
                .body("items.subjectId", everyItem(startsWith("E-020")))
                .body("items[0].category", equalTo("OVER_ESTIMATOR"))
                .body("items[0].path", startsWith("/api/v1/reports/" + cycle.cycleId() + "/subjects/"));
        given().auth().oauth2(hr).queryParam("cycleId", cycle.cycleId().toString()).queryParam("size", "1")
                .queryParam("page", "1").get("/api/v1/reports")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1))
                .body("page", equalTo(1)).body("size", equalTo(1));
    }

    @Test
    void anEmployeeListsOnlyTheirOwnReports() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", LEADER, OTHER_LEADER));
        given().auth().oauth2(TestTokens.employee(cycle.tenant(), LEADER).sign()).get("/api/v1/reports")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].subjectId", equalTo(LEADER))
                .body("items[0].subjectName", equalTo("Name of " + LEADER));
    }

    @Test
    void beforeReleaseNobodySeesAReport() throws Exception {
        CycleSpec cycle = seed.open(seed.cycle(TestEvents.tenant(), "Running", LEADER));
        for (String token : new String[] {TestTokens.employee(cycle.tenant(), LEADER).sign(),
                TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign()}) {
            given().auth().oauth2(token).get(path(cycle, LEADER))
                    .then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("https://feedback360.org/problems/report-not-released"))
                    .body(not(containsString("mean")));
            given().auth().oauth2(token).get("/api/v1/reports")
                    .then().statusCode(200).body("total", equalTo(0));
        }
        // Someone who could not read it once released is told nothing at all.
        given().auth().oauth2(TestTokens.employee(cycle.tenant(), OTHER_LEADER).sign()).get(path(cycle, LEADER))
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theFollowersManagerSeesTheComparisonByDimension_notTheFollowersItemAnswersOrComments() throws Exception {
        String tenant = TestEvents.tenant();
        String follower = "E-0302";
        CycleSpec cycle = new CycleSpec(tenant, java.util.UUID.randomUUID(), "Followership",
                TestEvents.definition("followership", java.util.List.of("SELF", "MANAGER"), "JUDGMENT=j1,j2", "COURAGE=c1,c2"),
                java.util.List.of(new TestEvents.Subject(follower, "Fay Follower", "en", LEADER)), 3, true);
        seed.apply(TestEvents.cycleEvent("CycleOpened", cycle, java.util.Map.of()));
        var responses = java.util.List.of(
                TestEvents.response(tenant, cycle.cycleId(), follower, TestEvents.raterKey("fay"), "SELF", 1,
                        java.util.Map.of("j1", 5, "j2", 2, "c1", 4, "c2", 4), java.util.Map.of("keep-doing", "Fay's private note")),
                TestEvents.response(tenant, cycle.cycleId(), follower, TestEvents.raterKey("leo"), "MANAGER", 1,
                        java.util.Map.of("j1", 3, "j2", 4, "c1", 4, "c2", 2), java.util.Map.of("keep-doing", "Speaks up")));
        for (var response : responses) {
            seed.apply(response);
        }
        seed.apply(TestEvents.cycleEvent("CycleClosed", cycle, TestEvents.completionOf(responses)));
        seed.apply(TestEvents.cycleEvent("CycleReleased", cycle, TestEvents.completionOf(responses)));

        // The follower sees everything of their own report: item answers, comments, blind spots.
        given().auth().oauth2(TestTokens.employee(tenant, follower).sign()).get(path(cycle, follower))
                .then().statusCode(200).body("subjectItemsShown", equalTo(true))
                .body("report.items[0].groups.SELF.mean", closeTo(5.0, 1e-9))
                .body("report.comments.source", org.hamcrest.Matchers.hasItem("SELF"))
                .body("report.blindSpots.item", org.hamcrest.Matchers.contains("j1", "c2"))
                .body("report.hiddenStrengths.item", org.hamcrest.Matchers.contains("j2"));

        String manager = TestTokens.employee(tenant, LEADER).sign();
        given().auth().oauth2(manager).get(path(cycle, follower))
                .then().statusCode(200).body("subjectItemsShown", equalTo(false))
                // The product: how the follower's view matches the leader's, by dimension.
                .body("report.dimensions[0].groups.SELF.mean", closeTo(3.5, 1e-9))
                .body("report.dimensions[0].groups.MANAGER.mean", closeTo(3.5, 1e-9))
                .body("report.dimensions[1].gap", closeTo(1.0, 1e-9))
                .body("report.alignment.basis", equalTo("MANAGER"))
                // Not the follower's answers to single items, nor their comments, nor what quotes them.
                .body("report.items.groups.SELF.reason", everyItem(equalTo("SUBJECT_ONLY")))
                .body("report.items.groups.SELF.mean", everyItem(org.hamcrest.Matchers.nullValue()))
                .body("report.items[0].groups.MANAGER.mean", closeTo(3.0, 1e-9))
                .body("report.comments.source", not(org.hamcrest.Matchers.hasItem("SELF")))
                .body("report.comments.source", org.hamcrest.Matchers.hasItem("MANAGER"))
                .body("report.blindSpots", hasSize(0))
                .body("report.hiddenStrengths", hasSize(0));
        given().auth().oauth2(manager).accept("text/html").get(path(cycle, follower))
                .then().statusCode(200)
                .body(not(containsString("Fay&#39;s private note")), not(containsString("Fay's private note")))
                .body(containsString("You are reading this report as the manager of the person it is about"))
                .body(containsString("withheld — shown to them only"))
                .body(containsString("Speaks up"));
        given().auth().oauth2(TestTokens.employee(tenant, follower).sign()).accept("text/html").get(path(cycle, follower))
                .then().statusCode(200).body(containsString("Fay&#39;s private note"))
                .body(not(containsString("You are reading this report as the manager")));
    }

    @Test
    void inAFollowershipReviewTheFollowersManagerReadsTheReport_inALeaderReviewNot() throws Exception {
        String tenant = TestEvents.tenant();
        CycleSpec followership = new CycleSpec(tenant, java.util.UUID.randomUUID(), "Followership",
                TestEvents.definition("followership", java.util.List.of("SELF", "MANAGER"), "JUDGMENT=j1,j2"),
                java.util.List.of(new TestEvents.Subject("E-0301", "Fay Follower", "en", LEADER)), 3, true);
        seed.apply(TestEvents.cycleEvent("CycleOpened", followership, java.util.Map.of()));
        given().auth().oauth2(TestTokens.employee(tenant, LEADER).sign()).get(path(followership, "E-0301"))
                .then().statusCode(409).body("type", equalTo("https://feedback360.org/problems/report-not-released"));
        seed.apply(TestEvents.cycleEvent("CycleClosed", followership, java.util.Map.of()));
        seed.apply(TestEvents.cycleEvent("CycleReleased", followership, java.util.Map.of()));
        given().auth().oauth2(TestTokens.employee(tenant, LEADER).sign()).get(path(followership, "E-0301"))
                .then().statusCode(200).body("subject.employeeId", equalTo("E-0301"));
        given().auth().oauth2(TestTokens.employee(tenant, OTHER_LEADER).sign()).get(path(followership, "E-0301"))
                .then().statusCode(404);

        // A leader review: the subject's manager is a rater like others, and reads nothing.
        CycleSpec leaderReview = new CycleSpec(tenant, java.util.UUID.randomUUID(), "Leaders",
                TestEvents.workedExampleDefinition(),
                java.util.List.of(new TestEvents.Subject(OTHER_LEADER, "Olga", "en", LEADER)), 3, true);
        seed.openAndRelease(leaderReview);
        given().auth().oauth2(TestTokens.employee(tenant, LEADER).sign()).get(path(leaderReview, OTHER_LEADER))
                .then().statusCode(404);
    }

    @Test
    void unknownCyclesAndSubjectsAreNotFound() throws Exception {
        CycleSpec cycle = seed.openAndRelease(seed.cycle(TestEvents.tenant(), "Autumn", LEADER));
        String hr = TestTokens.hrAdmin(cycle.tenant(), "HR-1").sign();
        given().auth().oauth2(hr).get(path(cycle, "E-9999")).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(hr).get("/api/v1/reports/" + java.util.UUID.randomUUID() + "/subjects/" + LEADER)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badPathAndQueryValuesAreProblems() {
        String hr = TestTokens.hrAdmin("acme", "HR-1").sign();
        String cycle = java.util.UUID.randomUUID().toString();
        assertBadRequest(hr, "/api/v1/reports/not-a-uuid/subjects/E-1", "invalid-cycle-id");
        assertBadRequest(hr, "/api/v1/reports/" + cycle + "/subjects/bad id!", "invalid-subject-id");
        assertBadRequest(hr, "/api/v1/reports/" + cycle + "/subjects/" + "x".repeat(65), "invalid-subject-id");
        assertBadRequest(hr, "/api/v1/reports?cycleId=123", "invalid-cycle-id");
        assertBadRequest(hr, "/api/v1/reports?page=-1", "invalid-page");
        assertBadRequest(hr, "/api/v1/reports?page=abc", "invalid-page");
        assertBadRequest(hr, "/api/v1/reports?size=0", "invalid-size");
        assertBadRequest(hr, "/api/v1/reports?size=201", "invalid-size");
    }

    static void assertBadRequest(String token, String path, String type) {
        given().auth().oauth2(token).urlEncodingEnabled(true).get(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/" + type))
                .body("status", equalTo(400));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi_andNoOperatorAction() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/reports'.get.summary", containsString("released reports"))
                .body("paths.'/api/v1/reports/{cycleId}/subjects/{subjectId}'.get.responses.'409'.description",
                        containsString("report-not-released"))
                // The report is sent as its stored text; the document still describes its shape.
                .body("components.schemas.Report.properties.report.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("dimensions", "items", "alignment", "blindSpots", "comments"))
                .body("paths.'/api/v1/analytics/cycles/{cycleId}'.get.summary", containsString("analytics"))
                .body("paths.'/api/v1/trends/subjects/{subjectId}'.get.summary", containsString("release order"))
                .body("paths.keySet().findAll { it.contains('rebuild') }", hasSize(0));
    }

    @Test
    void anIntegrationAccountReadsNoReports() {
        String integration = TestTokens.employee("acme", "SVC-1").roles("integration").sign();
        given().auth().oauth2(integration).get("/api/v1/reports").then().statusCode(403).contentType(PROBLEM);
    }
}
