package org.feedback360.feedback.assignment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;
import static org.feedback360.feedback.Api.newTenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MyAssignmentsResourceTest {

    @Inject
    AssignmentRepository assignments;

    @Inject
    Outbox outbox;

    @Test
    void openingACycleAssignsRatersFromTheChartAndEachSeesOnlyTheirOwn() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "dora", "name": "Dora", "email": "dora@x.example"},
                 {"employeeId": "leo",  "name": "Leo",  "email": "leo@x.example",  "managerEmployeeId": "dora"},
                 {"employeeId": "pia",  "name": "Pia",  "email": "pia@x.example",  "managerEmployeeId": "dora"},
                 {"employeeId": "fay",  "name": "Fay",  "email": "fay@x.example",  "managerEmployeeId": "leo"},
                 {"employeeId": "finn", "name": "Finn", "email": "finn@x.example", "managerEmployeeId": "leo", "active": false}]
                """).post("/api/v1/people/import").then().statusCode(200);
        Instant closes = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String id = asHr(t).contentType(ContentType.JSON).body("{\"name\": \"Q3\", \"instrument\": {\"key\": \"leader-follower\", \"version\": 1},"
                        + " \"subjects\": [\"leo\"], \"opensAt\": \"" + Instant.now() + "\", \"closesAt\": \"" + closes + "\"}")
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");

        asEmployee(t, "fay").get("/api/v1/me/assignments").then().statusCode(200).body("", empty());
        asHr(t).post("/api/v1/cycles/" + id + "/open").then().statusCode(200);

        List<Assignment> all = QuarkusTransaction.requiringNew().call(() -> assignments.ofCycle(t, UUID.fromString(id)));
        // finn has left and is not asked; every assignment is about the subject leo.
        assertEquals(Set.of("leo/SELF", "dora/MANAGER", "fay/DIRECT_REPORT", "pia/PEER"),
                all.stream().map(a -> a.raterEmployeeId + "/" + a.raterGroup).collect(Collectors.toSet()));
        assertEquals(4, all.size());
        assertTrue(all.stream().allMatch(a -> a.subjectEmployeeId.equals("leo")));

        asEmployee(t, "fay").get("/api/v1/me/assignments").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].subjectEmployeeId", equalTo("leo"))
                .body("[0].subjectName", equalTo("Leo"))
                .body("[0].group", equalTo("DIRECT_REPORT"))
                .body("[0].cycleName", equalTo("Q3"))
                .body("[0].instrumentKey", equalTo("leader-follower"))
                .body("[0].closesAt", equalTo(closes.toString()));
        asEmployee(t, "leo").get("/api/v1/me/assignments").then().body("group", contains("SELF"));
        asEmployee(t, "finn").get("/api/v1/me/assignments").then().body("", empty());
        // Same employee id, other tenant: nothing.
        asEmployee(newTenant(), "fay").get("/api/v1/me/assignments").then().statusCode(200).body("", empty());

        List<OutboxEvent> created = QuarkusTransaction.requiringNew().call(() -> outbox.forKey(t, "feedback.assignments", "leo"));
        assertEquals(4, created.size());
        assertTrue(created.stream().allMatch(e -> e.eventType.equals("org.feedback360.AssignmentCreated")));

        // Once closed, nothing is left to do.
        asHr(t).post("/api/v1/cycles/" + id + "/close").then().statusCode(200);
        asEmployee(t, "fay").get("/api/v1/me/assignments").then().body("", empty());
    }
}
