package org.feedback360.feedback.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedback360.feedback.Api;
import org.feedback360.feedback.Scenario;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;
import static org.feedback360.feedback.Scenario.responsePath;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResponseResourceTest {

    @Inject
    Outbox outbox;

    @Inject
    RaterKeys raterKeys;

    @Inject
    ObjectMapper json;

    @Test
    void draftSubmitAndReviseUntilTheCycleCloses() throws Exception {
        Scenario s = new Scenario();
        UUID cycle = s.openCycle("leo");
        UUID fays = s.assignment("fay", "leo");
        String path = responsePath(fays);

        asEmployee(s.tenant, "fay").get(path).then().statusCode(200)
                .body("draft", nullValue()).body("submitted", nullValue()).body("editable", equalTo(true))
                .body("group", equalTo("DIRECT_REPORT")).body("subjectEmployeeId", equalTo("leo"));
        // Drafts: any number of times, each replacing the last.
        asEmployee(s.tenant, "fay").contentType(ContentType.JSON).body("{\"answers\": {\"trust-1\": 2}}").put(path)
                .then().statusCode(200).body("draft.answers.trust-1", equalTo(2));
        asEmployee(s.tenant, "fay").contentType(ContentType.JSON)
                .body("{\"answers\": {\"trust-1\": 4, \"trust-2\": null}, \"comments\": {\"keep-doing\": \" Clear priorities. \", \"one-change\": \"\"}}")
                .put(path).then().statusCode(200)
                .body("draft.answers.trust-1", equalTo(4))
                .body("draft.comments.keep-doing", equalTo("Clear priorities."))
                .body("draft.comments.one-change", nullValue())
                .body("submitted", nullValue());

        String body = "{\"answers\": {\"trust-1\": 4, \"trust-2\": null, \"commitment-1\": 5}, \"comments\": {\"keep-doing\": \"Clear priorities.\"}}";
        int first = s.submit("fay", fays, body);
        assertEquals(1, first);
        asEmployee(s.tenant, "fay").get(path).then().statusCode(200)
                .body("draft", nullValue())
                .body("submitted.revision", equalTo(1))
                .body("submitted.answers.commitment-1", equalTo(5));
        assertEquals(2, s.submit("fay", fays, "{\"answers\": {\"trust-1\": 3}}"));
        asEmployee(s.tenant, "fay").get(path).then().body("submitted.revision", equalTo(2))
                .body("submitted.answers.trust-1", equalTo(3)).body("submitted.answers.commitment-1", nullValue());

        // Every submission: ResponseSubmitted under the pseudonymous key, AssignmentSubmitted by name.
        List<OutboxEvent> responses = events("feedback.responses", "leo", s.tenant);
        assertEquals(2, responses.size());
        JsonNode revision2 = json.readTree(responses.get(1).payload);
        assertEquals("org.feedback360.ResponseSubmitted", revision2.path("type").asText());
        assertEquals("leo", revision2.path("subject").asText());
        JsonNode data = revision2.path("data");
        assertEquals(raterKeys.of(cycle, "fay"), data.path("raterKey").asText());
        assertEquals(data.path("raterKey").asText(), json.readTree(responses.get(0).payload).path("data").path("raterKey").asText());
        assertEquals(2, data.path("revision").asInt());
        assertEquals("DIRECT_REPORT", data.path("group").asText());
        assertEquals(3, data.path("answers").path("trust-1").asInt());
        assertFalse(responses.get(1).payload.contains("fay"), "no rater identity on feedback.responses");
        assertFalse(responses.get(1).payload.contains(fays.toString()), "no assignment id on feedback.responses");
        assertFalse(data.has("submittedAt"));
        List<OutboxEvent> submitted = events("feedback.assignments", "leo", s.tenant).stream()
                .filter(e -> e.eventType.equals("org.feedback360.AssignmentSubmitted")).toList();
        assertEquals(2, submitted.size());
        JsonNode assignmentData = json.readTree(submitted.get(0).payload).path("data");
        assertEquals("fay", assignmentData.path("rater").path("employeeId").asText());
        assertEquals("fay@" + s.tenant + ".example", assignmentData.path("rater").path("email").asText());
        assertTrue(assignmentData.hasNonNull("submittedAt"));

        // Closed: nothing more, but the rater still reads their own answers.
        s.command(cycle, "close");
        asEmployee(s.tenant, "fay").contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post(path + "/submissions").then().statusCode(409)
                .contentType("application/problem+json").body("state", equalTo("CLOSED"));
        asEmployee(s.tenant, "fay").contentType(ContentType.JSON).body(body).put(path).then().statusCode(409);
        asEmployee(s.tenant, "fay").get(path).then().statusCode(200).body("editable", equalTo(false))
                .body("submitted.revision", equalTo(2));
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndADifferentBodyIsRefused() {
        Scenario s = new Scenario();
        s.openCycle("leo");
        UUID gus = s.assignment("gus", "leo");
        String key = UUID.randomUUID().toString();
        String body = "{\"answers\": {\"trust-1\": 4, \"trust-2\": 5}}";
        var first = asEmployee(s.tenant, "gus").contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(responsePath(gus) + "/submissions").then().statusCode(201).header("Idempotency-Replayed", "false")
                .extract().jsonPath();
        // Same key, same answers in another order: the first result, not a second revision.
        asEmployee(s.tenant, "gus").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"answers\": {\"trust-2\": 5, \"trust-1\": 4}}")
                .post(responsePath(gus) + "/submissions").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("revision", equalTo(1))
                .body("submittedAt", equalTo(first.getString("submittedAt")));
        asEmployee(s.tenant, "gus").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"answers\": {\"trust-1\": 1}}")
                .post(responsePath(gus) + "/submissions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feedback360.org/problems/idempotency-key-reused"));
        asEmployee(s.tenant, "gus").contentType(ContentType.JSON).body(body)
                .post(responsePath(gus) + "/submissions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feedback360.org/problems/idempotency-key-required"));
        asEmployee(s.tenant, "gus").get(responsePath(gus)).then().body("submitted.revision", equalTo(1));
        assertEquals(1, events("feedback.responses", "leo", s.tenant).size());
    }

    /** A double tap: the same submission four times at once is one submission. */
    @Test
    void concurrentRetriesWithOneKeySubmitOnce() throws Exception {
        Scenario s = new Scenario();
        s.openCycle("leo");
        UUID pia = s.assignment("pia", "leo");
        String key = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> asEmployee(s.tenant, "pia").contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body("{\"answers\": {\"trust-1\": 4}}")
                        .post(responsePath(pia) + "/submissions")));
            }
            for (var call : calls) {
                var response = call.get();
                assertEquals(201, response.statusCode(), response.asString());
                assertEquals(1, response.jsonPath().getInt("revision"));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, events("feedback.responses", "leo", s.tenant).size());
    }

    @Test
    void answersAreCheckedAgainstTheCyclesInstrument() {
        Scenario s = new Scenario();
        s.openCycle("leo");
        UUID finn = s.assignment("finn", "leo");
        String tooLong = "x".repeat(AnswerRules.MAX_COMMENT + 1);
        String bad = "{\"answers\": {\"trust-1\": 0, \"trust-2\": 6, \"clarity-1\": 3, \"trust-3\": null},"
                + " \"comments\": {\"keep-doing\": \"" + tooLong + "\", \"wish\": \"more\"}}";
        for (var request : List.of(
                asEmployee(s.tenant, "finn").contentType(ContentType.JSON).body(bad).when().put(responsePath(finn)),
                asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "k-1").body(bad)
                        .when().post(responsePath(finn) + "/submissions"))) {
            request.then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://feedback360.org/problems/invalid-answers"))
                    .body("errors.field", containsInAnyOrder("answers.clarity-1", "answers.trust-1", "answers.trust-2",
                            "comments.keep-doing", "comments.wish"));
        }
        // Not numbers 1..5 at all: refused before any rule runs.
        asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "k-2")
                .body("{\"answers\": {\"trust-1\": \"four\"}}").post(responsePath(finn) + "/submissions")
                .then().statusCode(400).contentType("application/problem+json");
        asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "k-3")
                .body("{\"answers\": {\"trust-1\": 4.5}}").post(responsePath(finn) + "/submissions")
                .then().statusCode(400);
        asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "k-4")
                .body("{\"answers\": {}, \"rater\": \"someone\"}").post(responsePath(finn) + "/submissions")
                .then().statusCode(400);
        // Nothing rated is a draft, not a submission.
        for (String empty : List.of("{}", "{\"answers\": {}}", "{\"answers\": {\"trust-1\": null}, \"comments\": {\"keep-doing\": \"x\"}}")) {
            asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "k-5").body(empty)
                    .post(responsePath(finn) + "/submissions").then().statusCode(422)
                    .body("errors.field", containsInAnyOrder("answers"));
        }
        // The refused key was not used up: the corrected request goes through with it.
        asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body("{\"answers\": {\"trust-1\": 1, \"trust-2\": 5}, \"comments\": {\"keep-doing\": \"ok\"}}")
                .post(responsePath(finn) + "/submissions").then().statusCode(201).body("revision", equalTo(1));
    }

    @Test
    void nobodyReadsOrWritesAnotherRatersResponse() {
        Scenario s = new Scenario();
        s.openCycle("leo");
        UUID fays = s.assignment("fay", "leo");
        s.submit("fay", fays, "{\"answers\": {\"trust-1\": 2}}");
        String body = "{\"answers\": {\"trust-1\": 5}}";
        // The subject, another rater, HR and the same employee id in another tenant: all "not found".
        for (var spec : List.of(asEmployee(s.tenant, "leo"), asEmployee(s.tenant, "gus"), asHr(s.tenant),
                asEmployee(Api.newTenant(), "fay"))) {
            spec.get(responsePath(fays)).then().statusCode(404).contentType("application/problem+json");
        }
        asEmployee(s.tenant, "gus").contentType(ContentType.JSON).body(body).put(responsePath(fays)).then().statusCode(404);
        asEmployee(Api.newTenant(), "fay").contentType(ContentType.JSON).header("Idempotency-Key", "x").body(body)
                .post(responsePath(fays) + "/submissions").then().statusCode(404);
        asEmployee(s.tenant, "fay").get(responsePath(fays)).then().statusCode(200).body("submitted.answers.trust-1", equalTo(2));
        Api.asIntegration(s.tenant).get(responsePath(fays)).then().statusCode(403);
    }

    @Test
    void hrSeesCountsPerSubjectAndGroupButNoAnswers() {
        Scenario s = new Scenario();
        UUID cycle = s.openCycle("leo", "pia");
        s.submit("fay", s.assignment("fay", "leo"), "{\"answers\": {\"trust-1\": 2}}");
        UUID gus = s.assignment("gus", "leo");
        s.submit("gus", gus, "{\"answers\": {\"trust-1\": 2}}");
        s.submit("gus", gus, "{\"answers\": {\"trust-1\": 3}}");
        s.submit("leo", s.assignment("leo", "leo"), "{\"answers\": {\"trust-1\": 5}}");
        asHr(s.tenant).get("/api/v1/cycles/" + cycle + "/progress").then().statusCode(200)
                .body("state", equalTo("OPEN"))
                // leo: self, dora, fay, finn, gus, pia = 6; pia: self, dora, leo = 3
                .body("assignments", equalTo(9))
                .body("submitted", equalTo(3))
                .body("subjects.employeeId", containsInAnyOrder("leo", "pia"))
                .body("subjects.find { it.employeeId == 'leo' }.groups.DIRECT_REPORT.assignments", equalTo(3))
                .body("subjects.find { it.employeeId == 'leo' }.groups.DIRECT_REPORT.submitted", equalTo(2))
                .body("subjects.find { it.employeeId == 'leo' }.groups.SELF.submitted", equalTo(1))
                .body("subjects.find { it.employeeId == 'pia' }.submitted", equalTo(0))
                .body("subjects.find { it.employeeId == 'pia' }.groups.keySet()", hasItems("SELF", "MANAGER", "PEER"));
        String progress = asHr(s.tenant).get("/api/v1/cycles/" + cycle + "/progress").asString();
        assertFalse(progress.contains("trust-1"), "progress never carries answers");
        asEmployee(s.tenant, "leo").get("/api/v1/cycles/" + cycle + "/progress").then().statusCode(403);
        asHr(Api.newTenant()).get("/api/v1/cycles/" + cycle + "/progress").then().statusCode(404);
    }

    @Test
    void aRaterWhoLeavesIsNoLongerAskedButTheirSubmissionStays() {
        Scenario s = new Scenario();
        UUID cycle = s.openCycle("leo");
        UUID finn = s.assignment("finn", "leo");
        s.submit("fay", s.assignment("fay", "leo"), "{\"answers\": {\"trust-1\": 2}}");
        asHr(s.tenant).post("/api/v1/people/finn/deactivate").then().statusCode(200);
        asHr(s.tenant).post("/api/v1/people/fay/deactivate").then().statusCode(200);

        List<OutboxEvent> cancelled = events("feedback.assignments", "leo", s.tenant).stream()
                .filter(e -> e.eventType.equals("org.feedback360.AssignmentCancelled")).toList();
        assertEquals(1, cancelled.size(), "only finn's unsubmitted assignment is cancelled");
        assertTrue(cancelled.get(0).payload.contains(finn.toString()));
        asEmployee(s.tenant, "finn").get("/api/v1/me/assignments").then().body("", org.hamcrest.Matchers.empty());
        asEmployee(s.tenant, "finn").contentType(ContentType.JSON).header("Idempotency-Key", "late")
                .body("{\"answers\": {\"trust-1\": 2}}").post(responsePath(finn) + "/submissions").then().statusCode(409)
                .body("type", equalTo("https://feedback360.org/problems/assignment-cancelled"));
        // leo: self, dora, fay (submitted), gus, pia — finn no longer counts.
        asHr(s.tenant).get("/api/v1/cycles/" + cycle + "/progress").then()
                .body("assignments", equalTo(5)).body("submitted", equalTo(1))
                .body("subjects[0].groups.DIRECT_REPORT.assignments", equalTo(2));
    }

    private List<OutboxEvent> events(String topic, String key, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.forKey(tenant, topic, key));
    }
}
