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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    static final String JOURNEY = "review journey of Lea";
    /** Steps that passed: the journey is complete only when all six did. */
    static int stepsPassed;

    @BeforeAll
    static void hrImportsTheOrgChart() {
        Summary.journeyStarted(JOURNEY);
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
        // Closes in five minutes, with a reminder due about forty seconds after opening: time enough
        // for the invitations (a 10 s settling round) and the first submissions to come before it.
        review = Review.of(org).subjects("LEA").closingIn(Duration.ofMinutes(5), "PT4M20S").open();
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
        stepsPassed++;
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
        stepsPassed++;
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
        List<String> submitted = List.of("LEA", "LEA-R1", "LEA-R2", "LEA-R3", "LEA-R4");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<String> notReminded = new ArrayList<>(waiting);
        while (!notReminded.isEmpty() && Org.before(deadline)) {
            notReminded.removeIf(rater -> Mailbox.count(org.get(rater).email(), m -> m.contains(review.id()) && Mailbox.isReminder(m)) == 1);
            Org.sleep(Duration.ofMillis(500));
        }
        List<String> remindedWrongly = submitted.stream().filter(rater -> Mailbox.count(org.get(rater).email(),
                m -> m.contains(review.id()) && Mailbox.isReminder(m)) > 0).toList();
        Summary.record("journey reminders: exactly one to each who had not submitted, none to the others",
                waiting.size() + submitted.size(), notReminded.size() + remindedWrongly.size());
        assertEquals(List.of(), notReminded, "those who have not submitted are reminded exactly once within 90 s");
        assertEquals(List.of(), remindedWrongly, "those who have submitted are not reminded");

        for (String rater : waiting) {
            Review.Assignment a = review.assignmentsOf(rater).get(0);
            review.submit(a, instrument.randomAnswers(RANDOM), Map.of("keep-doing", "Steady under pressure"))
                    .then().statusCode(201);
        }
        JsonPath progress = review.progress();
        assertEquals(10, progress.getInt("assignments"));
        assertEquals(10, progress.getInt("submitted"), "one submission counted per assignment, retries and revisions included");
        stepsPassed++;
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
        Reports.Comparison comparison = Reports.compareFigures(report, new ExpectedScores(instrument, 3,
                review.acknowledgedAbout(lea)), instrument);
        int wrong = comparison.wrong();
        Summary.record("journey report figures checked independently, differing", comparison.checked(), wrong);
        assertEquals(0, wrong, "every figure of Lea's report equals the independent computation");

        String html = org.as("LEA").accept("text/html").get(review.reportPath(lea))
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<svg"), "the radar chart is drawn");
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>alert(1)"),
                "a comment with markup is shown as text");

        Mailbox.awaitMessage(org.get("LEA").email(), m -> m.contains(review.id()) && Mailbox.isReportReady(m),
                Duration.ofSeconds(60));
        org.as("LEA-R1").get(review.reportPath(lea)).then().statusCode(404);
        stepsPassed++;
    }

    @Test
    @Order(5)
    void hrReadsTheCycleAnalyticsAndEveryFigureFollowsFromTheAnswers() {
        JsonPath analytics = asHrPortal().get("/api/v1/analytics/cycles/" + review.id()).then().statusCode(200)
                .extract().jsonPath();
        String lea = org.get("LEA").employeeId();
        ExpectedScores expected = new ExpectedScores(instrument, 3, review.acknowledgedAbout(lea));
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        java.util.function.BiConsumer<String, Boolean> check = (what, ok) -> {
            checked[0]++;
            if (!ok) {
                wrong.add(what);
            }
        };
        // Response rates: ten assignments, ten submitted (a retry and a revision count once).
        int assignments = 10;
        int submitted = review.acknowledged().size();
        check.accept("released state " + analytics.getString("state"), "RELEASED".equals(analytics.getString("state")));
        check.accept("responses received " + analytics.get("responses.received"), analytics.getLong("responses.received") == submitted);
        check.accept("completion " + analytics.getMap("completion"), analytics.getLong("completion.assignments") == assignments
                && analytics.getLong("completion.submitted") == submitted
                && Math.abs(analytics.getDouble("completion.rate") - (double) submitted / assignments) < 1e-9);
        check.accept("Lea's completion " + analytics.getList("completion.bySubject"),
                analytics.getLong("completion.bySubject.find { it.subjectId == '" + lea + "' }.submitted") == submitted
                        && analytics.getLong("completion.bySubject.find { it.subjectId == '" + lea + "' }.assignments") == assignments);
        check.accept("Lea's status " + analytics.getList("subjects"),
                "FROZEN".equals(analytics.getString("subjects.find { it.subjectId == '" + lea + "' }.report"))
                        && analytics.getLong("subjects.find { it.subjectId == '" + lea + "' }.received") == submitted);
        // Categories: Lea's, computed from the answers, counted once; every other category zero.
        Map<String, Object> categories = analytics.getMap("results.categories");
        for (var category : categories.entrySet()) {
            int want = category.getKey().equals(expected.category()) ? 1 : 0;
            check.accept("category " + category.getKey() + " = " + category.getValue() + ", expected " + want,
                    ((Number) category.getValue()).intValue() == want);
        }
        check.accept("Lea's category " + expected.category() + " is counted", categories.containsKey(expected.category()));
        // Heatmap: Lea's followers' view F_d and gap per dimension, from the answers; ranked 50 (the only subject).
        Map<String, Double> basis = expected.basisScores();
        Map<String, Double> gaps = expected.gaps();
        for (Instrument.Dimension d : instrument.dimensions()) {
            String cell = "results.heatmap.find { it.subjectId == '" + lea + "' }.cells." + d.key();
            Object mean = analytics.get(cell + ".followers.mean");
            check.accept("heatmap " + d.key() + " = " + mean + ", expected " + basis.get(d.key()),
                    mean instanceof Number n && Math.abs(n.doubleValue() - basis.get(d.key())) < 1e-9);
            Object gap = analytics.get(cell + ".gap");
            check.accept("heatmap gap " + d.key() + " = " + gap + ", expected " + gaps.get(d.key()),
                    gap instanceof Number n && Math.abs(n.doubleValue() - gaps.get(d.key())) < 1e-9);
            String rank = "results.percentiles.subjects.find { it.subjectId == '" + lea + "' }.followers." + d.key();
            Object value = analytics.get(rank + ".value");
            Object percentile = analytics.get(rank + ".percentile");
            check.accept("rank " + d.key() + " = " + value + " at " + percentile,
                    value instanceof Number v && Math.abs(v.doubleValue() - basis.get(d.key())) < 1e-9
                            && percentile instanceof Number p && Math.abs(p.doubleValue() - 50) < 1e-9);
        }
        Object index = analytics.get("results.percentiles.subjects.find { it.subjectId == '" + lea + "' }.alignmentIndex.value");
        check.accept("ranked alignment index " + index + ", expected " + expected.alignmentIndex(),
                index instanceof Number n && Math.abs(n.doubleValue() - expected.alignmentIndex()) < 1e-9);
        // Cronbach's alpha needs ten complete non-self cases; this cycle has nine raters besides Lea.
        Map<String, Object> alpha = analytics.getMap("results.alpha");
        check.accept("alpha per dimension " + alpha, alpha.size() == instrument.dimensions().size() && alpha.values().stream()
                .allMatch(a -> a instanceof Map<?, ?> m && "TOO_FEW_COMPLETE_CASES".equals(m.get("reason")) && !m.containsKey("value")));
        Summary.record("journey analytics figures checked independently, differing", checked[0], wrong.size());
        wrong.forEach(w -> System.out.println("analytics differs: " + w));
        assertEquals(List.of(), wrong, analytics.prettify());
        org.as("LEA").get("/api/v1/analytics/cycles/" + review.id()).then().statusCode(403);
        stepsPassed++;
    }

    @Test
    @Order(6)
    void theHrPortalHeardOfEveryStepThroughSignedWebhooks() {
        var ofThisCycle = (java.util.function.Predicate<WebhookReceiver.Delivery>) d -> review.id().equals(d.cycleId());
        portal.awaitUpTo(d -> ofThisCycle.test(d) && !d.type().endsWith("assignment.submitted"), 4, Duration.ofSeconds(60));
        portal.awaitUpTo(d -> ofThisCycle.test(d) && d.type().endsWith("assignment.submitted"), 11, Duration.ofSeconds(60));
        List<WebhookReceiver.Delivery> all = portal.deliveries(ofThisCycle);
        List<String> steps = List.of("cycle.opened", "cycle.closed", "cycle.released", "report.published");
        long unsigned = all.stream().filter(d -> !d.signatureValid()).count();
        long duplicated = all.size() - all.stream().map(WebhookReceiver.Delivery::id).distinct().count();
        long lost = steps.stream().filter(t -> all.stream().noneMatch(d -> d.type().equals("org.feedback360." + t))).count()
                + Math.max(0, 11 - all.stream().filter(d -> d.type().endsWith("assignment.submitted")).count());
        Summary.record("journey webhooks: lost, unsigned or duplicated", 15, lost + unsigned + duplicated);
        assertEquals(0, lost, "every step and every submission was announced");
        for (String type : steps) {
            assertEquals(1, all.stream().filter(d -> d.type().equals("org.feedback360." + type)).count(), type);
        }
        assertEquals(0, unsigned, "every delivery verifies with the subscription's secret");
        assertEquals(0, duplicated, "no event delivered twice");
        assertTrue(all.stream().noneMatch(d -> d.event().toString().contains(org.get("LEA-R1").email())),
                "webhooks never name raters' e-mail addresses");
        stepsPassed++;
    }

    @AfterAll
    static void unsubscribe() {
        if (stepsPassed == 6) {
            Summary.journeyCompleted(JOURNEY);
        }
        if (portal != null) {
            portal.close();
        }
    }
}
