package org.feedback360.feedback;

import io.restassured.http.ContentType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;

/**
 * A small org chart in a fresh tenant: dora leads leo and pia; leo leads fay, finn and gus;
 * hana (HR) and ola stand outside. The HR caller of {@link Api#asHr} is "hana".
 */
public final class Scenario {

    public final String tenant = Api.newTenant();

    public Scenario() {
        asHr(tenant).contentType(ContentType.JSON).body("""
                [{"employeeId": "dora", "name": "Dora Director", "email": "dora@%1$s.example"},
                 {"employeeId": "leo",  "name": "Leo Leader",  "email": "leo@%1$s.example",  "managerEmployeeId": "dora"},
                 {"employeeId": "pia",  "name": "Pia Peer",  "email": "pia@%1$s.example",  "managerEmployeeId": "dora", "locale": "de"},
                 {"employeeId": "fay",  "name": "Fay Follower",  "email": "fay@%1$s.example",  "managerEmployeeId": "leo", "locale": "de"},
                 {"employeeId": "finn", "name": "Finn Follower", "email": "finn@%1$s.example", "managerEmployeeId": "leo"},
                 {"employeeId": "gus",  "name": "Gus Follower",  "email": "gus@%1$s.example",  "managerEmployeeId": "leo"},
                 {"employeeId": "ola",  "name": "Ola Outsider",  "email": "ola@%1$s.example"},
                 {"employeeId": "hana", "name": "Hana HR", "email": "hana@%1$s.example", "locale": "de"}]
                """.formatted(tenant)).post("/api/v1/people/import").then().statusCode(200);
    }

    /** A DRAFT cycle of the leader-follower instrument reviewing the given subjects. */
    public UUID draftCycle(String... subjects) {
        Instant closes = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String list = String.join("\", \"", subjects);
        String id = asHr(tenant).contentType(ContentType.JSON).body("{\"name\": \"Q3\", \"instrument\": {\"key\": \"leader-follower\", \"version\": 1},"
                        + " \"subjects\": [\"" + list + "\"], \"opensAt\": \"" + Instant.now() + "\", \"closesAt\": \"" + closes
                        + "\", \"reminders\": [\"P3D\", \"P1D\"]}")
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public UUID openCycle(String... subjects) {
        UUID id = draftCycle(subjects);
        command(id, "open");
        return id;
    }

    public void command(UUID cycleId, String command) {
        asHr(tenant).post("/api/v1/cycles/" + cycleId + "/" + command).then().statusCode(200);
    }

    /** The rater's assignment for the subject, from their own to-do list. */
    public UUID assignment(String rater, String subject) {
        List<Map<String, Object>> mine = asEmployee(tenant, rater).get("/api/v1/me/assignments").then().statusCode(200)
                .extract().jsonPath().getList("");
        return mine.stream().filter(a -> subject.equals(a.get("subjectEmployeeId")))
                .map(a -> UUID.fromString((String) a.get("assignmentId"))).findFirst()
                .orElseThrow(() -> new AssertionError(rater + " has no assignment for " + subject + ": " + mine));
    }

    public static String responsePath(UUID assignmentId) {
        return "/api/v1/me/assignments/" + assignmentId + "/response";
    }

    /** Submits and expects success; returns the revision. */
    public int submit(String rater, UUID assignmentId, String body) {
        return asEmployee(tenant, rater).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post(responsePath(assignmentId) + "/submissions").then().statusCode(201)
                .extract().path("revision");
    }
}
