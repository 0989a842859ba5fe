package org.feedback360.feedback.nomination;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class NominationResourceTest {

    @Inject
    Outbox outbox;

    @Test
    void theSubjectNominatesAndTheirManagerApproves() {
        Scenario s = new Scenario();
        UUID cycle = s.openCycle("leo");
        String base = "/api/v1/cycles/" + cycle + "/nominations";
        String olaId = nominate(s, cycle, "leo", "ola").then().statusCode(201)
                .header("Location", notNullValue())
                .body("state", equalTo("PENDING")).body("peerName", equalTo("Ola Outsider"))
                .extract().path("id");
        String hanaId = nominate(s, cycle, "leo", "hana").then().statusCode(201).extract().path("id");

        asEmployee(s.tenant, "leo").get(base).then().statusCode(200).body("peerEmployeeId", containsInAnyOrder("ola", "hana"));
        asEmployee(s.tenant, "dora").get(base).then().statusCode(200).body("", hasSize(2));
        asHr(s.tenant).get(base).then().statusCode(200).body("", hasSize(2));
        // Neither subject nor manager of one: the cycle is not theirs to see.
        asEmployee(s.tenant, "fay").get(base).then().statusCode(404);

        // Only the subject's manager decides: the subject, a peer and HR's token as employee get "not found".
        for (String who : List.of("leo", "pia", "ola")) {
            asEmployee(s.tenant, who).post(base + "/" + olaId + "/approve").then().statusCode(404);
        }
        asEmployee(s.tenant, "dora").post(base + "/" + olaId + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("decidedBy", equalTo("dora"))
                .body("assignmentId", notNullValue());
        asEmployee(s.tenant, "dora").post(base + "/" + hanaId + "/reject").then().statusCode(200)
                .body("state", equalTo("REJECTED"));
        asEmployee(s.tenant, "dora").post(base + "/" + olaId + "/reject").then().statusCode(409)
                .contentType("application/problem+json").body("state", equalTo("APPROVED"));

        // The approved peer now rates leo, as a PEER; the rejected one does not.
        asEmployee(s.tenant, "ola").get("/api/v1/me/assignments").then().body("group", contains("PEER"))
                .body("subjectEmployeeId", contains("leo"));
        asEmployee(s.tenant, "hana").get("/api/v1/me/assignments").then().body("", hasSize(0));
        List<OutboxEvent> created = QuarkusTransaction.requiringNew().call(() -> outbox.forKey(s.tenant, "feedback.assignments", "leo"));
        assertEquals(7, created.size());
        assertEquals(1, created.stream().filter(e -> e.payload.contains("\"ola@" + s.tenant + ".example\"")).count());
        nominate(s, cycle, "leo", "ola").then().statusCode(409);
    }

    @Test
    void nominationsFollowTheRules() {
        Scenario s = new Scenario();
        UUID draft = s.draftCycle("leo", "dora");
        nominate(s, draft, "leo", "ola").then().statusCode(409).body("type", equalTo("https://feedback360.org/problems/cycle-not-open"));
        s.command(draft, "open");
        UUID cycle = draft;
        nominate(s, cycle, "leo", "leo").then().statusCode(422).body("errors[0].field", equalTo("peerEmployeeId"));
        nominate(s, cycle, "leo", "nobody").then().statusCode(422);
        // pia is leo's peer in the chart already; fay already rates leo as a direct report.
        nominate(s, cycle, "leo", "pia").then().statusCode(409).body("type", equalTo("https://feedback360.org/problems/already-assigned"));
        nominate(s, cycle, "leo", "fay").then().statusCode(409);
        // fay is not a subject of this cycle; another tenant does not see it.
        nominate(s, cycle, "fay", "ola").then().statusCode(404);
        asEmployee(Api.newTenant(), "leo").contentType(ContentType.JSON).body("{\"peerEmployeeId\": \"ola\"}")
                .post("/api/v1/cycles/" + cycle + "/nominations").then().statusCode(404);
        // dora has no manager: nobody could approve.
        nominate(s, cycle, "dora", "ola").then().statusCode(409).body("type", equalTo("https://feedback360.org/problems/no-approver"));
        nominate(s, cycle, "leo", "").then().statusCode(400);

        String id = nominate(s, cycle, "leo", "ola").then().statusCode(201).extract().path("id");
        s.command(cycle, "close");
        asEmployee(s.tenant, "dora").post("/api/v1/cycles/" + cycle + "/nominations/" + id + "/approve").then().statusCode(409);
        nominate(s, cycle, "leo", "hana").then().statusCode(409);
    }

    private static io.restassured.response.Response nominate(Scenario s, UUID cycle, String subject, String peer) {
        return asEmployee(s.tenant, subject).contentType(ContentType.JSON).body("{\"peerEmployeeId\": \"" + peer + "\"}")
                .post("/api/v1/cycles/" + cycle + "/nominations");
    }
}
