package org.feedback360.feedback.people;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedback360.feedback.people.provisioning.ProvisioningTask;
import org.feedback360.feedback.people.provisioning.ProvisioningTaskRepository;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;
import static org.feedback360.feedback.Api.asIntegration;
import static org.feedback360.feedback.Api.newTenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PeopleResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    ProvisioningTaskRepository tasks;

    static final String ORG_JSON = """
            [
              {"employeeId": "dora", "name": "Dora Dietrich", "email": "dora@acme.example", "locale": "de"},
              {"employeeId": "leo",  "name": "Leo Lindqvist", "email": "leo@acme.example", "managerEmployeeId": "dora"},
              {"employeeId": "fay",  "name": "Fay Fischer",   "email": "fay@acme.example", "managerEmployeeId": "leo"},
              {"employeeId": "finn", "name": "Finn Foster",   "email": "finn@acme.example", "managerEmployeeId": "leo"}
            ]""";

    @Test
    void jsonImportCreatesThePeopleAndARepeatChangesNothing() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import")
                .then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(4)).body("updated", equalTo(0));

        asHr(t).get("/api/v1/people/leo").then().statusCode(200)
                .body("name", equalTo("Leo Lindqvist")).body("managerEmployeeId", equalTo("dora"))
                .body("locale", equalTo("en")).body("active", equalTo(true));

        asHr(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import")
                .then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(4));
        // One provisioning task from the first import; the identical second import owes Keycloak nothing.
        assertEquals(1, pendingTasks(t, "leo").size());
    }

    @Test
    void csvImportIsAnUpsertWithColumnsInAnyOrder() {
        String t = newTenant();
        asIntegration(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import")
                .then().statusCode(200);
        String csv = """
                name,employeeId,email,locale,managerEmployeeId,active
                "Lindqvist, Leo",leo,leo@acme.example,en,dora,true
                Pia Peters,pia,pia@acme.example,de,dora,
                Fay Fischer,fay,fay@acme.example,,leo,false
                """;
        asHr(t).contentType("text/csv").body(csv).post("/api/v1/people/import")
                .then().statusCode(200)
                .body("rows", equalTo(3)).body("created", equalTo(1)).body("updated", equalTo(2));

        asHr(t).get("/api/v1/people/leo").then().body("name", equalTo("Lindqvist, Leo"));
        asHr(t).get("/api/v1/people/pia").then().body("locale", equalTo("de")).body("active", equalTo(true));
        asHr(t).get("/api/v1/people/fay").then().body("active", equalTo(false));
        List<ProvisioningTask> fay = pendingTasks(t, "fay");
        assertEquals(ProvisioningTask.Action.DISABLE, fay.get(fay.size() - 1).action);
    }

    @Test
    void badRowsAreReportedPerRowAndNothingIsSaved() {
        String t = newTenant();
        String csv = """
                employeeId,name,email,managerEmployeeId,active
                ok1,Okay One,ok1@acme.example,,
                bad 2,,not-an-email,,maybe
                ok3,Okay Three,ok1@acme.example,,
                ok4,Okay Four,ok4@acme.example,nobody,
                """;
        asHr(t).contentType("text/csv").body(csv).post("/api/v1/people/import")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/import-rejected"))
                .body("errors.findAll { it.row == 2 }.field", hasItem("active"))
                .body("errors.findAll { it.row == 2 }.field", hasItem("name"))
                .body("errors.findAll { it.row == 2 }.field", hasItem("email"))
                .body("errors.findAll { it.row == 2 }.field", hasItem("employeeId"))
                .body("errors.find { it.row == 2 }.line", equalTo(3))
                .body("errors.find { it.row == 3 }.field", equalTo("email"))
                .body("errors.find { it.row == 3 }.message", containsString("row 1"));

        asHr(t).get("/api/v1/people/ok1").then().statusCode(404);

        // With the duplicate and malformed rows fixed, the unknown manager is what remains.
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "ok1", "name": "Okay One", "email": "ok1@acme.example"},
                 {"employeeId": "ok4", "name": "Okay Four", "email": "ok4@acme.example", "managerEmployeeId": "nobody"}]
                """).post("/api/v1/people/import")
                .then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].employeeId", equalTo("ok4"))
                .body("errors[0].field", equalTo("managerEmployeeId"));
        asHr(t).get("/api/v1/people/ok1").then().statusCode(404);
    }

    @Test
    void malformedCsvAnswers400() {
        String t = newTenant();
        asHr(t).contentType("text/csv").body("employeeId,name,email,shoeSize\n").post("/api/v1/people/import")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("shoeSize"));
        asHr(t).contentType("text/csv").body("employeeId,name,email\n\"a,b,c\n").post("/api/v1/people/import")
                .then().statusCode(400).body("line", equalTo(2));
    }

    @Test
    void managerLoopWithinOneImportIsRefused() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "a", "name": "A", "email": "a@x.example", "managerEmployeeId": "c"},
                 {"employeeId": "b", "name": "B", "email": "b@x.example", "managerEmployeeId": "a"},
                 {"employeeId": "c", "name": "C", "email": "c@x.example", "managerEmployeeId": "b"},
                 {"employeeId": "d", "name": "D", "email": "d@x.example"}]
                """).post("/api/v1/people/import")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/manager-loop"))
                .body("loops", hasSize(1))
                .body("errors.row", contains(1, 2, 3));
        asHr(t).get("/api/v1/people/d").then().statusCode(404);
    }

    @Test
    void managerLoopFormedTogetherWithExistingPeopleIsRefused() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import").then().statusCode(200);
        // dora → fay would close fay → leo → dora → fay.
        asHr(t).contentType(ContentType.JSON)
                .body("{\"name\": \"Dora Dietrich\", \"email\": \"dora@acme.example\", \"managerEmployeeId\": \"fay\"}")
                .put("/api/v1/people/dora")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/manager-loop"))
                .body("detail", containsString("→"));
        asHr(t).contentType("text/csv")
                .body("employeeId,name,email,managerEmployeeId\ndora,Dora Dietrich,dora@acme.example,finn\n")
                .post("/api/v1/people/import")
                .then().statusCode(422).body("type", equalTo("https://feedback360.org/problems/manager-loop"))
                .body("errors[0].line", equalTo(2));
        asHr(t).get("/api/v1/people/dora").then().body("managerEmployeeId", equalTo(null));
    }

    @Test
    void putCreatesThenUpdates() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON)
                .body("{\"name\": \"Ann\", \"email\": \"ann@x.example\", \"locale\": \"de-AT\"}")
                .put("/api/v1/people/ann")
                .then().statusCode(201).header("Location", startsWith("http")).body("employeeId", equalTo("ann"));
        asHr(t).contentType(ContentType.JSON)
                .body("{\"name\": \"Ann Arbor\", \"email\": \"ann@x.example\"}")
                .put("/api/v1/people/ann")
                .then().statusCode(200).body("name", equalTo("Ann Arbor")).body("locale", equalTo("en"));
        asHr(t).contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"email\": \"nope\"}")
                .put("/api/v1/people/ann")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("email"));
        asHr(t).contentType(ContentType.JSON)
                .body("{\"name\": \"Bob\", \"email\": \"ANN@x.example\"}")
                .put("/api/v1/people/bob")
                .then().statusCode(422).body("errors[0].field", equalTo("email"));
    }

    @Test
    void listByManagerPagesInEmployeeIdOrder() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import").then().statusCode(200);
        asHr(t).queryParam("managerId", "leo").queryParam("size", 1).get("/api/v1/people")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("items.employeeId", contains("fay"));
        asHr(t).queryParam("managerId", "leo").queryParam("size", 1).queryParam("page", 1).get("/api/v1/people")
                .then().body("items.employeeId", contains("finn"));
        asHr(t).get("/api/v1/people").then().body("total", equalTo(4));
        asHr(t).queryParam("size", 201).get("/api/v1/people").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void deactivateKeepsThePersonAndQueuesDisabling() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import").then().statusCode(200);
        asHr(t).post("/api/v1/people/finn/deactivate").then().statusCode(200).body("active", equalTo(false));
        asHr(t).post("/api/v1/people/finn/deactivate").then().statusCode(200);
        List<ProvisioningTask> finn = pendingTasks(t, "finn");
        assertEquals(List.of(ProvisioningTask.Action.UPSERT, ProvisioningTask.Action.DISABLE),
                finn.stream().map(x -> x.action).toList());
        asHr(t).queryParam("active", true).get("/api/v1/people").then().body("total", equalTo(3));
        asHr(t).post("/api/v1/people/nobody/deactivate").then().statusCode(404);
    }

    @Test
    void anotherTenantsPersonIsNotFound() {
        String mine = newTenant();
        String theirs = newTenant();
        asHr(theirs).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import").then().statusCode(200);
        asHr(mine).get("/api/v1/people/leo").then().statusCode(404).contentType(PROBLEM);
        asHr(mine).post("/api/v1/people/leo/deactivate").then().statusCode(404);
        asHr(mine).get("/api/v1/people").then().body("total", equalTo(0));
        // The same employee id in another tenant is a different person.
        asHr(mine).contentType(ContentType.JSON).body("{\"name\": \"Other Leo\", \"email\": \"leo@acme.example\"}")
                .put("/api/v1/people/leo").then().statusCode(201);
        asHr(theirs).get("/api/v1/people/leo").then().body("name", equalTo("Leo Lindqvist"));
    }

    @Test
    void employeesReadOnlyThemselvesAndWriteNothing() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(ORG_JSON).post("/api/v1/people/import").then().statusCode(200);
        asEmployee(t, "fay").get("/api/v1/people/fay").then().statusCode(200).body("employeeId", equalTo("fay"));
        asEmployee(t, "fay").get("/api/v1/people/leo").then().statusCode(403).contentType(PROBLEM);
        asEmployee(t, "fay").get("/api/v1/people").then().statusCode(403);
        asEmployee(t, "fay").contentType(ContentType.JSON).body("{\"name\": \"F\", \"email\": \"f@x.example\"}")
                .put("/api/v1/people/fay").then().statusCode(403);
        asEmployee(t, "fay").post("/api/v1/people/leo/deactivate").then().statusCode(403);
        given().get("/api/v1/people/fay").then().statusCode(401);
    }

    private List<ProvisioningTask> pendingTasks(String tenant, String employeeId) {
        return QuarkusTransaction.requiringNew().call(() -> tasks.forPerson(tenant, employeeId));
    }
}
