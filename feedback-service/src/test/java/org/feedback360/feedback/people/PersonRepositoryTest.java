package org.feedback360.feedback.people;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.feedback360.feedback.Api.asHr;
import static org.feedback360.feedback.Api.newTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PersonRepositoryTest {

    @Inject
    PersonRepository people;

    @Test
    void morePeopleThanOneStatementCanBindAreLookedUpInSlices() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "dora", "name": "Dora", "email": "dora@x.example", "locale": "de"},
                 {"employeeId": "leo",  "name": "Leo",  "email": "leo@x.example", "locale": "en", "managerEmployeeId": "dora"}]
                """).post("/api/v1/people/import").then().statusCode(200);
        // PostgreSQL binds at most 65,535 parameters a statement; one IN list of these would fail.
        List<String> ids = new ArrayList<>();
        ids.add("dora");
        for (int i = 0; i < 70_000; i++) {
            ids.add("nobody-" + i);
        }
        ids.add("leo");

        Map<String, Contact> contacts = QuarkusTransaction.requiringNew().call(() -> people.contactsOf(t, ids));
        Map<String, Person> found = QuarkusTransaction.requiringNew().call(() -> people.findByEmployeeIds(t, ids));

        assertEquals(Map.of("dora", new Contact("dora", "Dora", "dora@x.example", "de"),
                "leo", new Contact("leo", "Leo", "leo@x.example", "en")), contacts);
        assertEquals(List.of("dora", "leo"), found.keySet().stream().sorted().toList());
    }
}
