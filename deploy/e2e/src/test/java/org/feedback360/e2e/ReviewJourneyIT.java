package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.feedback360.e2e.Platform.as;
import static org.feedback360.e2e.Platform.asHrPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A review as HR and a follower live it, through the gateway with Keycloak tokens: HR opens
 * a cycle for Leo; Fay finds it on her to-do list, saves a draft, submits (and her app
 * retries the submission), HR sees one submission counted — and the invitation mail,
 * produced by notification-service from feedback-service's events on Kafka, reaches Fay.
 */
class ReviewJourneyIT {

    static final String FAY = "fay.follower@acme.example";

    @Test
    void hrOpensACycleAndAFollowerSubmitsExactlyOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String cycle = asHrPortal().contentType("application/json")
                .body(Map.of("name", "E2E journey " + UUID.randomUUID(),
                        "instrument", Map.of("key", "leader-follower", "version", 1),
                        "subjects", List.of("E-0200"),
                        "opensAt", now.toString(),
                        "closesAt", now.plus(Duration.ofDays(14)).toString(),
                        "reminders", List.of("P1D")))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        asHrPortal().post("/api/v1/cycles/" + cycle + "/open").then().statusCode(200).body("state", equalTo("OPEN"));

        List<Map<String, Object>> todo = as(FAY).get("/api/v1/me/assignments").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.cycleId == '" + cycle + "' }");
        assertEquals(1, todo.size(), "Fay rates Leo once, as a direct report: " + todo);
        String assignment = (String) todo.get(0).get("assignmentId");
        String response = "/api/v1/me/assignments/" + assignment + "/response";

        // Fay acts on her invitation, as people do (one who submitted already is not invited).
        String mail = awaitInvitationMail(FAY, cycle);
        assertTrue(mail.contains("/cycles/" + cycle + "/assignments/" + assignment), "the mail links Fay's assignment");
        assertTrue(mail.contains("Subject: Feedback erbeten"), "Fay's locale is de: " + mail.substring(0, 400));

        as(FAY).contentType("application/json").body(Map.of("answers", Map.of("trust-1", 3)))
                .put(response).then().statusCode(200);
        String body = "{\"answers\": {\"trust-1\": 4, \"trust-2\": 5, \"trust-3\": null}}";
        String key = UUID.randomUUID().toString();
        JsonPath first = as(FAY).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post(response + "/submissions").then().statusCode(201).extract().jsonPath();
        JsonPath retry = as(FAY).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post(response + "/submissions").then().statusCode(201).extract().jsonPath();
        assertEquals(first.getMap("$"), retry.getMap("$"), "a retry with the same key returns the first result");
        as(FAY).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"answers\": {\"trust-1\": 1}}")
                .post(response + "/submissions").then().statusCode(422);

        // Someone else cannot read Fay's response, not even the subject or HR.
        as("leo.leader@acme.example").get(response).then().statusCode(404);

        String progress = asHrPortal().get("/api/v1/cycles/" + cycle + "/progress").then().statusCode(200)
                .extract().asString();
        assertTrue(progress.contains("\"submitted\":1"), "HR sees one submission: " + progress);
        Summary.record("journey submissions counted once", 1, progress.contains("\"submitted\":2") ? 1 : 0);

    }

    /** The invitation travels feedback-service → outbox → Kafka → notification-service → SMTP. */
    private static String awaitInvitationMail(String email, String cycle) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var r = given().baseUri(Platform.GREENMAIL).get("/api/user/" + email + "/messages/");
            if (r.statusCode() == 200) {
                for (String mime : r.jsonPath().getList("mimeMessage", String.class)) {
                    // Quoted-printable bodies wrap long lines with a soft break "=" CRLF.
                    String unwrapped = mime.replace("=\r\n", "");
                    if (unwrapped.contains("/cycles/" + cycle + "/")) {
                        return unwrapped;
                    }
                }
            }
            sleep();
        }
        return fail("no invitation mail for " + email + " naming cycle " + cycle + " within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
