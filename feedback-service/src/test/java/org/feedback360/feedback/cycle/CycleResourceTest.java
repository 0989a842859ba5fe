package org.feedback360.feedback.cycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.feedback360.feedback.assignment.Assignment;
import org.feedback360.feedback.assignment.AssignmentEvent;
import org.feedback360.feedback.assignment.AssignmentRepository;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;
import static org.feedback360.feedback.Api.newTenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CycleResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Outbox outbox;

    @Inject
    AssignmentRepository assignments;

    static final Instant OPENS = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant CLOSES = OPENS.plus(21, ChronoUnit.DAYS);

    private static String tenantWithPeople() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "dora", "name": "Dora", "email": "dora@x.example"},
                 {"employeeId": "leo",  "name": "Leo",  "email": "leo@x.example", "managerEmployeeId": "dora"},
                 {"employeeId": "pia",  "name": "Pia",  "email": "pia@x.example", "managerEmployeeId": "dora"},
                 {"employeeId": "fay",  "name": "Fay",  "email": "fay@x.example", "managerEmployeeId": "leo"}]
                """).post("/api/v1/people/import").then().statusCode(200);
        return t;
    }

    private static String cycleJson(String subjects, Instant opens, Instant closes, String extra) {
        return "{\"name\": \"Spring 360\", \"instrument\": {\"key\": \"leader-follower\", \"version\": 1},"
                + " \"subjects\": " + subjects + ", \"opensAt\": \"" + opens + "\", \"closesAt\": \"" + closes + "\""
                + extra + "}";
    }

    private static String createCycle(String tenant, String subjects) {
        return asHr(tenant).contentType(ContentType.JSON).body(cycleJson(subjects, OPENS, CLOSES, ""))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    private static void command(String tenant, String id, String command, int status) {
        asHr(tenant).post("/api/v1/cycles/" + id + "/" + command).then().statusCode(status);
    }

    @Test
    void aNewCycleIsADraftWithTheDocumentedDefaults() {
        String t = tenantWithPeople();
        asHr(t).contentType(ContentType.JSON)
                .body(cycleJson("[\"leo\", \"pia\", \"leo\"]", OPENS, CLOSES, ", \"reminders\": [\"P1D\", \"P7D\", \"PT12H\"]"))
                .post("/api/v1/cycles").then().statusCode(201)
                .header("Location", containsString("/api/v1/cycles/"))
                .body("state", equalTo("DRAFT"))
                .body("allowedCommands", contains("open"))
                .body("anonymityThreshold", equalTo(3))
                .body("managerVisible", equalTo(true))
                .body("subjects", contains("leo", "pia"))
                .body("reminders", contains("PT168H", "PT24H", "PT12H"))
                .body("instrument.key", equalTo("leader-follower"));
        assertTrue(outboxOf(t).isEmpty(), "a draft is not announced");
    }

    @Test
    void invalidCyclesAreRefused() {
        String t = tenantWithPeople();
        asHr(t).contentType(ContentType.JSON)
                .body(cycleJson("[\"leo\"]", OPENS, CLOSES, ", \"anonymityThreshold\": 1"))
                .post("/api/v1/cycles").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("anonymityThreshold"));
        asHr(t).contentType(ContentType.JSON).body(cycleJson("[\"leo\", \"ghost\"]", CLOSES, OPENS, ", \"reminders\": [\"soon\"]"))
                .post("/api/v1/cycles").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/invalid-cycle"))
                .body("errors.field", hasItem("closesAt"))
                .body("errors.field", hasItem("subjects"))
                .body("errors.field", hasItem("reminders"));
        asHr(t).contentType(ContentType.JSON)
                .body(cycleJson("[\"leo\"]", OPENS, CLOSES, "").replace("\"version\": 1", "\"version\": 9"))
                .post("/api/v1/cycles").then().statusCode(422)
                .body("type", equalTo("https://feedback360.org/problems/unknown-instrument"));
        asHr(t).get("/api/v1/cycles").then().body("total", equalTo(0));
    }

    @Test
    void theLifecycleWritesOneEventPerTransitionToTheOutbox() {
        String t = tenantWithPeople();
        String id = createCycle(t, "[\"leo\"]");
        asHr(t).post("/api/v1/cycles/" + id + "/open").then().statusCode(200)
                .body("state", equalTo("OPEN")).body("openedAt", notNullValue()).body("allowedCommands", contains("close"));
        asHr(t).post("/api/v1/cycles/" + id + "/close").then().statusCode(200).body("state", equalTo("CLOSED"));
        asHr(t).post("/api/v1/cycles/" + id + "/release").then().statusCode(200)
                .body("state", equalTo("RELEASED")).body("allowedCommands", empty());

        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> outbox.forKey(t, "feedback.cycles", id));
        assertEquals(List.of("org.feedback360.CycleOpened", "org.feedback360.CycleClosed", "org.feedback360.CycleReleased"),
                events.stream().map(e -> e.eventType).toList());
        JsonPath opened = JsonPath.from(events.get(0).payload);
        assertEquals("1.0", opened.getString("specversion"));
        assertEquals(events.get(0).id.toString(), opened.getString("id"));
        assertEquals(t, opened.getString("tenant"));
        assertEquals(id, opened.getString("data.cycleId"));
        assertEquals("OPEN", opened.getString("data.state"));
        assertEquals(List.of("leo"), opened.getList("data.subjects.employeeId"));
        assertEquals("hana", opened.getString("data.owner.employeeId"));
        assertEquals(3, opened.getInt("data.anonymityThreshold"));
        assertEquals("leader-follower", opened.getString("data.instrument.key"));
        assertTrue(opened.getString("time") != null && opened.getString("source") != null);
        assertEquals("RELEASED", JsonPath.from(events.get(2).payload).getString("data.state"));
        assertTrue(events.stream().allMatch(e -> e.tenantId.equals(t)));
        JsonPath closed = JsonPath.from(events.get(1).payload);
        assertEquals(4, closed.getInt("data.completion.assignments"));
        assertEquals(4, closed.getInt("data.completion.bySubject.leo.assignments"));
        assertEquals(0, closed.getInt("data.completion.bySubject.leo.submitted"));
        assertTrue(opened.getMap("data").get("completion") == null && !opened.getMap("data").containsKey("completion"));
        // hana is not in this directory: her contact comes from her token.
        assertEquals("hana", opened.getString("data.owner.name"));
    }

    @Test
    void aLargeCycleOpensWithEveryAssignmentAndOneEventForEach() {
        // 40 leaders under one director, three reports each: 44 raters a leader (self, manager, reports,
        // 39 peers), 1,760 assignments: an opening writes them a chunk at a time, and this is more than
        // three chunks and a part.
        String t = newTenant();
        StringJoiner people = new StringJoiner(",", "[", "]");
        people.add("{\"employeeId\": \"dora\", \"name\": \"Dora\", \"email\": \"dora@x.example\"}");
        List<String> leaders = new ArrayList<>();
        for (int l = 0; l < 40; l++) {
            String leader = "l" + l;
            leaders.add("\"" + leader + "\"");
            people.add(person(leader, "dora"));
            for (int f = 0; f < 3; f++) {
                people.add(person(leader + "f" + f, leader));
            }
        }
        asHr(t).contentType(ContentType.JSON).body(people.toString()).post("/api/v1/people/import").then().statusCode(200);
        String id = createCycle(t, leaders.toString());

        command(t, id, "open", 200);

        List<Assignment> written = QuarkusTransaction.requiringNew()
                .call(() -> assignments.ofCycle(t, UUID.fromString(id)));
        assertEquals(1760, written.size());
        List<OutboxEvent> created = outboxOf(t).stream().filter(e -> e.topic.equals(AssignmentEvent.TOPIC)).toList();
        assertEquals(1760, created.size());
        assertEquals(written.stream().map(a -> a.id.toString()).collect(Collectors.toSet()),
                created.stream().map(e -> JsonPath.from(e.payload).getString("data.assignmentId")).collect(Collectors.toSet()));
        assertEquals(44, written.stream().filter(a -> a.subjectEmployeeId.equals("l39")).count());
        asHr(t).get("/api/v1/cycles/" + id).then().statusCode(200).body("state", equalTo("OPEN"));
    }

    private static String person(String id, String manager) {
        return "{\"employeeId\": \"" + id + "\", \"name\": \"" + id + "\", \"email\": \"" + id
                + "@x.example\", \"managerEmployeeId\": \"" + manager + "\"}";
    }

    @Test
    void everyIllegalTransitionIsRefusedWithTheStateAndTheAllowedCommands() {
        String t = tenantWithPeople();
        String id = createCycle(t, "[\"leo\"]");
        refused(t, id, "close", "DRAFT", List.of("open"));
        refused(t, id, "release", "DRAFT", List.of("open"));
        command(t, id, "open", 200);
        refused(t, id, "open", "OPEN", List.of("close"));
        refused(t, id, "release", "OPEN", List.of("close"));
        command(t, id, "close", 200);
        refused(t, id, "open", "CLOSED", List.of("release"));
        refused(t, id, "close", "CLOSED", List.of("release"));
        command(t, id, "release", 200);
        refused(t, id, "open", "RELEASED", List.of());
        refused(t, id, "close", "RELEASED", List.of());
        refused(t, id, "release", "RELEASED", List.of());
        asHr(t).get("/api/v1/cycles/" + id).then().body("state", equalTo("RELEASED"));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> outbox.forKey(t, "feedback.cycles", id)).size(),
                "refused commands leave no events");
    }

    private static void refused(String tenant, String id, String command, String state, List<String> allowed) {
        asHr(tenant).post("/api/v1/cycles/" + id + "/" + command).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/illegal-transition"))
                .body("state", equalTo(state))
                .body("command", equalTo(command))
                .body("allowedCommands", equalTo(allowed));
    }

    @Test
    void openingNeedsSubjectsAndAWindowThatHasNotClosed() {
        String t = tenantWithPeople();
        String empty = createCycle(t, "[]");
        asHr(t).post("/api/v1/cycles/" + empty + "/open").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/cycle-not-ready"))
                .body("reasons", hasItem(containsString("no subjects")));

        Instant past = Instant.now().minus(30, ChronoUnit.DAYS);
        String late = asHr(t).contentType(ContentType.JSON)
                .body(cycleJson("[\"leo\"]", past, past.plus(7, ChronoUnit.DAYS), ""))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        asHr(t).post("/api/v1/cycles/" + late + "/open").then().statusCode(409)
                .body("reasons", hasItem(containsString("window closed")));

        // A draft can be fixed, then opened.
        asHr(t).contentType(ContentType.JSON).body(cycleJson("[\"leo\", \"pia\"]", OPENS, CLOSES, ""))
                .put("/api/v1/cycles/" + empty).then().statusCode(200).body("subjects", contains("leo", "pia"));
        command(t, empty, "open", 200);
        asHr(t).contentType(ContentType.JSON).body(cycleJson("[\"leo\"]", OPENS, CLOSES, ""))
                .put("/api/v1/cycles/" + empty).then().statusCode(409)
                .body("type", equalTo("https://feedback360.org/problems/cycle-not-draft"));
    }

    @Test
    void aSubjectWhoLeftBlocksOpening() {
        String t = tenantWithPeople();
        String id = createCycle(t, "[\"leo\", \"pia\"]");
        asHr(t).post("/api/v1/people/pia/deactivate").then().statusCode(200);
        asHr(t).post("/api/v1/cycles/" + id + "/open").then().statusCode(409)
                .body("reasons", hasItem(containsString("'pia'")));
    }

    @Test
    void anInstrumentVersionUsedByACycleCannotChange() {
        String t = tenantWithPeople();
        String pulse = org.feedback360.feedback.Api.PULSE;
        asHr(t).contentType(ContentType.JSON).body(pulse).post("/api/v1/instruments").then().statusCode(201);
        asHr(t).contentType(ContentType.JSON)
                .body(cycleJson("[\"leo\"]", OPENS, CLOSES, "").replace("leader-follower", "team-pulse"))
                .post("/api/v1/cycles").then().statusCode(201);
        asHr(t).contentType(ContentType.JSON).body(pulse.replace("One wish?", "Two wishes?"))
                .put("/api/v1/instruments/team-pulse/versions/1").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/instrument-immutable"));
        asHr(t).contentType(ContentType.JSON).body(pulse).post("/api/v1/instruments").then().statusCode(201)
                .body("version", equalTo(2)).body("inUse", equalTo(false));
    }

    @Test
    void cyclesBelongToTheirTenantAndToHr() {
        String t = tenantWithPeople();
        String id = createCycle(t, "[\"leo\"]");
        String other = newTenant();
        asHr(other).get("/api/v1/cycles/" + id).then().statusCode(404).contentType(PROBLEM);
        asHr(other).post("/api/v1/cycles/" + id + "/open").then().statusCode(404);
        asHr(other).get("/api/v1/cycles").then().body("total", equalTo(0));
        asEmployee(t, "leo").get("/api/v1/cycles/" + id).then().statusCode(403);
        asEmployee(t, "leo").post("/api/v1/cycles/" + id + "/open").then().statusCode(403);
        asHr(t).get("/api/v1/cycles/" + id).then().statusCode(200).body("state", equalTo("DRAFT"));
        // A subject from another tenant's directory is unknown here.
        asHr(other).contentType(ContentType.JSON).body(cycleJson("[\"leo\"]", OPENS, CLOSES, ""))
                .post("/api/v1/cycles").then().statusCode(422);
    }

    private List<OutboxEvent> outboxOf(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.list("tenantId", tenant));
    }
}
