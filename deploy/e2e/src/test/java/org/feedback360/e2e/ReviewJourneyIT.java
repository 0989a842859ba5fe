package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole review as the people involved live it, through the gateway with their own Keycloak
 * tokens: HR imports an org chart and opens a cycle for Lea, a leader with four followers;
 * everyone finds the review on their to-do list and is invited by mail; a peer from another
 * team is nominated and approved; drafts are saved, submissions retried with the same
 * idempotency key and one revised; a reminder reaches exactly those who have not submitted;
 * HR closes and releases; Lea reads her report, whose every number the test computes again
 * from what was submitted; HR reads the cycle's analytics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewJourneyIT {

    static final Random RANDOM = new Random(20261123);
    static Org org;
    static Instrument instrument;
    static Review review;
    static WebhookReceiver portal;

    @BeforeAll
    static void hrImportsTheOrgChart() {
        portal = new WebhookReceiver().subscribe(List.of("cycle.opened", "cycle.closed", "cycle.released",
                "assignment.submitted", "report.published"));
        org = Org.inDemoTenant()
                .person("DIR", null, "en")
                .team("LEA", "DIR", 4)
                .team("PEER1", "DIR", 1)
                .person("PEER2", "DIR", "de")
                .person("PEER3", "DIR", "en")
                .importAndProvision();
        instrument = Instrument.fetch("leader-follower", 1);
    }

    @Test
    @Order(1)
    void hrOpensACycleAndEveryRaterFindsItOnTheirToDoList() {
        // Closes in five minutes, with a reminder due about twenty seconds after opening.
        review = Review.of(org).subjects("LEA").closingIn(Duration.ofMinutes(5), "PT4M40S").open();
        Map<String, String> expectedGroups = Map.of("LEA", "SELF", "DIR", "MANAGER", "LEA-R1", "DIRECT_REPORT",
                "LEA-R2", "DIRECT_REPORT", "LEA-R3", "DIRECT_REPORT", "LEA-R4", "DIRECT_REPORT",
                "PEER1", "PEER", "PEER2", "PEER", "PEER3", "PEER");
        expectedGroups.forEach((rater, group) -> {
            List<Review.Assignment> todo = review.assignmentsOf(rater);
            assertEquals(1, todo.size(), rater + " rates Lea once: " + todo);
            assertEquals(group, todo.get(0).group(), rater + "'s group");
        });
        assertTrue(review.assignmentsOf("PEER1-R1").isEmpty(), "not a peer of Lea until nominated");
        Mailbox.awaitMessage(org.get("LEA-R1").email(), m -> m.contains(review.id()), Duration.ofSeconds(60));
    }

    @Test
    @Order(2)
    void aNominatedPeerFromAnotherTeamIsApprovedByTheManager() {
        String nomination = org.as("LEA").contentType("application/json")
                .body(Map.of("peerEmployeeId", org.get("PEER1-R1").employeeId()))
                .post("/api/v1/cycles/" + review.id() + "/nominations").then().statusCode(201).extract().path("id");
        org.as("LEA-R1").post("/api/v1/cycles/" + review.id() + "/nominations/" + nomination + "/approve")
                .then().statusCode(404);
        org.as("DIR").post("/api/v1/cycles/" + review.id() + "/nominations/" + nomination + "/approve")
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        List<Review.Assignment> todo = review.assignmentsOf("PEER1-R1");
        assertEquals(1, todo.size());
        assertEquals("PEER", todo.get(0).group());
    }

    @Test
    @Order(3)
    void ratersDraftSubmitRetryAndReviseAndTheRemainingOnesAreReminded() {
        // The followers and Lea submit first; the manager and peers wait for the reminder.
        for (String rater : List.of("LEA", "LEA-R1", "LEA-R2", "LEA-R3", "LEA-R4")) {
            Review.Assignment a = review.assignmentsOf(rater).get(0);
            String path = "/api/v1/me/assignments/" + a.assignmentId() + "/response";
            org.as(rater).contentType("application/json").body(Map.of("answers", Map.of("trust-1", 2)))
                    .put(path).then().statusCode(200);
            Map<String, Integer> answers = instrument.randomAnswers(RANDOM);
            if (rater.equals("LEA-R4")) {
                answers.put("trust-2", null); // N/A
            }
            String key = UUID.randomUUID().toString();
            Response first = review.submit(a, answers, Map.of("keep-doing", "Clear priorities from " + rater), key);
            first.then().statusCode(201);
            if (rater.equals("LEA-R2")) {
                // The app lost the answer and retries: the same key gives the same result, not a second submission.
                Response retry = review.submit(a, answers, Map.of("keep-doing", "Clear priorities from " + rater), key);
                retry.then().statusCode(201);
                assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"));
            }
        }
        // A follower changes their mind: the revision replaces the first submission.
        Review.Assignment revised = review.assignmentsOf("LEA-R3").get(0);
        review.submit(revised, instrument.randomAnswers(RANDOM), Map.of("one-change", "<b>Listen</b> <script>alert(1)</script>"))
                .then().statusCode(201).body("revision", equalTo(2));

        List<String> waiting = List.of("DIR", "PEER1", "PEER2", "PEER3", "PEER1-R1");
        for (String rater : waiting) {
            Mailbox.awaitMessage(org.get(rater).email(), m -> m.contains(review.id()) && Mailbox.isReminder(m),
                    Duration.ofSeconds(90));
        }
        for (String rater : List.of("LEA", "LEA-R1", "LEA-R2", "LEA-R3", "LEA-R4")) {
            assertFalse(Mailbox.messages(org.get(rater).email()).stream()
                            .anyMatch(m -> m.contains(review.id()) && Mailbox.isReminder(m)),
                    rater + " has submitted and must not be reminded");
        }
        Summary.record("journey reminders to the right people", waiting.size() + 5, 0);

        for (String rater : waiting) {
            Review.Assignment a = review.assignmentsOf(rater).get(0);
            review.submit(a, instrument.randomAnswers(RANDOM), Map.of("keep-doing", "Steady under pressure"))
                    .then().statusCode(201);
        }
        JsonPath progress = review.progress();
        assertEquals(10, progress.getInt("assignments"));
        assertEquals(10, progress.getInt("submitted"), "one submission counted per assignment, retries and revisions included");
    }

    @Test
    @Order(4)
    void hrClosesAndReleasesAndLeaReadsAReportThatMatchesWhatWasSubmitted() {
        String lea = org.get("LEA").employeeId();
        // Nothing before release, not even to Lea herself (SCORING.md, anonymity rule 5).
        org.as("LEA").get(review.reportPath(lea)).then().statusCode(409)
                .body("type", equalTo("https://feedback360.org/problems/report-not-released"));
        review.close();
        org.as("LEA").get(review.reportPath(lea)).then().statusCode(409);
        org.as("LEA-R1").get(review.reportPath(lea)).then().statusCode(404);
        review.release();

        JsonPath report = review.awaitReport(org.as("LEA"), lea, Duration.ofSeconds(60));
        int wrong = Reports.compare(report, new ExpectedScores(instrument, 3, review.acknowledgedAbout(lea)), instrument);
        Summary.record("journey report figures checked independently", instrument.dimensions().size(), wrong);
        assertEquals(0, wrong, "every figure of Lea's report equals the independent computation");

        String html = org.as("LEA").accept("text/html").get(review.reportPath(lea))
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<svg"), "the radar chart is drawn");
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>alert(1)"),
                "a comment with markup is shown as text");

        Mailbox.awaitMessage(org.get("LEA").email(), m -> m.contains(review.id()) && Mailbox.isReportReady(m),
                Duration.ofSeconds(60));
        org.as("LEA-R1").get(review.reportPath(lea)).then().statusCode(404);
    }

    @Test
    @Order(5)
    void hrReadsTheCycleAnalytics() {
        JsonPath analytics = asHrPortal().get("/api/v1/analytics/cycles/" + review.id()).then().statusCode(200)
                .extract().jsonPath();
        assertNotNull(analytics.get("subjects"), "analytics per subject: " + analytics.prettify());
        org.as("LEA").get("/api/v1/analytics/cycles/" + review.id()).then().statusCode(403);
    }

    @Test
    @Order(6)
    void theHrPortalHeardOfEveryStepThroughSignedWebhooks() {
        var ofThisCycle = (java.util.function.Predicate<WebhookReceiver.Delivery>) d -> review.id().equals(d.cycleId());
        portal.await(d -> ofThisCycle.test(d) && !d.type().endsWith("assignment.submitted"), 4, Duration.ofSeconds(60));
        portal.await(d -> ofThisCycle.test(d) && d.type().endsWith("assignment.submitted"), 11, Duration.ofSeconds(60));
        List<WebhookReceiver.Delivery> all = portal.deliveries(ofThisCycle);
        for (String type : List.of("cycle.opened", "cycle.closed", "cycle.released", "report.published")) {
            assertEquals(1, all.stream().filter(d -> d.type().equals("org.feedback360." + type)).count(), type);
        }
        long unsigned = all.stream().filter(d -> !d.signatureValid()).count();
        long duplicated = all.size() - all.stream().map(WebhookReceiver.Delivery::id).distinct().count();
        Summary.record("journey webhooks: unsigned or duplicated", all.size(), unsigned + duplicated);
        assertEquals(0, unsigned, "every delivery verifies with the subscription's secret");
        assertEquals(0, duplicated, "no event delivered twice");
        assertTrue(all.stream().noneMatch(d -> d.event().toString().contains(org.get("LEA-R1").email())),
                "webhooks never name raters' e-mail addresses");
    }

    @AfterAll
    static void unsubscribe() {
        if (portal != null) {
            portal.close();
        }
    }
}
