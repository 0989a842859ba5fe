package org.feedback360.feedback.people.provisioning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedback360.feedback.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;

import static org.feedback360.feedback.Api.asHr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real Keycloak on 127.0.0.1:8180; deletes the users it made. */
@QuarkusTest
class KeycloakProvisionerTest {

    @Inject
    ProvisioningRelay relay;

    @Inject
    ProvisioningTaskRepository tasks;

    @Inject
    Keycloak keycloak;

    @Inject
    IdentityProvisioner provisioner;

    @ConfigProperty(name = "feedback.keycloak.realm")
    String realm;

    private final String t = Api.newTenant();

    /** Whatever happened, no user of this run's tenant stays in the shared realm. */
    @AfterEach
    void deleteUsers() {
        users().searchByAttributes("tenant:" + t).forEach(u -> users().delete(u.getId()).close());
    }

    @Test
    void importedPeopleBecomeKeycloakUsersIdempotentlyAndLeaversAreDisabled() {
        String mixedCaseEmail = "Kim.Keller@" + t + ".example";
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "k-1", "name": "Kim van Keller", "email": "%s", "locale": "de"},
                 {"employeeId": "k-2", "name": "Sol", "email": "sol@%s.example", "managerEmployeeId": "k-1"}]
                """.formatted(mixedCaseEmail, t)).post("/api/v1/people/import").then().statusCode(200);
        relay.drain(t);

        UserRepresentation kim = user("kim.keller@" + t + ".example");
        UserRepresentation sol = user("sol@" + t + ".example");
        assertEquals(mixedCaseEmail.toLowerCase(), kim.getEmail().toLowerCase());
        assertTrue(kim.isEmailVerified());
        assertTrue(kim.isEnabled());
        assertEquals("Kim van", kim.getFirstName());
        assertEquals("Keller", kim.getLastName());
        assertEquals(List.of(t), kim.getAttributes().get("tenant"));
        assertEquals(List.of("k-1"), kim.getAttributes().get("employee_id"));
        assertEquals(List.of("de"), kim.getAttributes().get("locale"));
        assertEquals("Sol", sol.getFirstName());
        assertTrue(realmRoles(kim.getId()).contains("employee"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> tasks.forPerson(t, "k-1")).stream().allMatch(x -> x.doneAt != null));

        // Again, with a new name and e-mail: the same user, updated, not a second one.
        asHr(t).contentType(ContentType.JSON).body("{\"name\": \"Kim Keller\", \"email\": \"kim@" + t + ".example\", \"locale\": \"en\"}")
                .put("/api/v1/people/k-1").then().statusCode(200);
        relay.drain(t);
        // The realm does not rename users: same user, same user name, new e-mail to log in with.
        UserRepresentation renamed = user("kim.keller@" + t + ".example");
        assertEquals(kim.getId(), renamed.getId());
        assertEquals("kim@" + t + ".example", renamed.getEmail());
        assertEquals("Kim", renamed.getFirstName());
        assertEquals(List.of("en"), renamed.getAttributes().get("locale"));
        assertEquals(1, users().searchByAttributes("tenant:" + t + " employee_id:k-1").size());

        // Someone leaves: disabled, never deleted.
        asHr(t).post("/api/v1/people/k-2/deactivate").then().statusCode(200);
        relay.drain(t);
        assertFalse(user("sol@" + t + ".example").isEnabled());
        assertTrue(user("kim.keller@" + t + ".example").isEnabled());
        assertEquals(1, users().searchByAttributes("tenant:" + t + " employee_id:k-2").size());
    }

    @Test
    void namesAndEmailsKeycloakWouldRefuseStillBecomeUsersAndNeverHoldUpOthers() {
        // An apostrophe is fine in an e-mail and a name, parentheses in a name; Keycloak's user name
        // and person-name validators refuse them. Before, such a task was retried for ever and its
        // refusals opened the circuit breaker for everybody.
        asHr(t).contentType(ContentType.JSON).body("""
                [{"employeeId": "q-1", "name": "Sean O'Brien (contractor)", "email": "sean.o'brien@%s.example"},
                 {"employeeId": "q-2", "name": "Ada <b>Bold</b>", "email": "ada@%s.example"}]
                """.formatted(t, t)).post("/api/v1/people/import").then().statusCode(200);
        relay.drain(t);

        List<UserRepresentation> sean = users().searchByAttributes("tenant:" + t + " employee_id:q-1");
        assertEquals(1, sean.size());
        UserRepresentation s = users().get(sean.get(0).getId()).toRepresentation();
        assertEquals("sean.o'brien@" + t + ".example", s.getEmail(), "the e-mail, which people log in with, unchanged");
        assertTrue(s.getUsername().startsWith("person-"), s.getUsername());
        assertEquals("Sean O'Brien contractor", s.getFirstName() + " " + s.getLastName());
        assertTrue(realmRoles(s.getId()).contains("employee"));
        UserRepresentation ada = user("ada@" + t + ".example");
        assertEquals("Ada b Bold", ada.getFirstName());
        assertEquals("b", ada.getLastName());
        // The directory keeps the names as HR gave them.
        asHr(t).get("/api/v1/people/q-1").then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("Sean O'Brien (contractor)"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> tasks.forPerson(t, "q-1")).stream()
                .allMatch(x -> x.doneAt != null && x.lastError == null));

        // Found again by its attributes: a change updates the same user.
        asHr(t).contentType(ContentType.JSON).body("{\"name\": \"Sean O'Brien\", \"email\": \"sean.o'brien@" + t + ".example\"}")
                .put("/api/v1/people/q-1").then().statusCode(200);
        relay.drain(t);
        assertEquals(1, users().searchByAttributes("tenant:" + t + " employee_id:q-1").size());
        assertEquals("O'Brien", users().get(s.getId()).toRepresentation().getLastName());
    }

    @Test
    void aNewPersonWhoseUserExistsAlreadyIsUpdatedNotDuplicated() {
        // The directory was restored, or the user was made by hand: the first task finds a
        // conflict when it creates, then finds and updates that user.
        UserRepresentation made = new UserRepresentation();
        made.setUsername("rae@" + t + ".example");
        made.setEmail("rae@" + t + ".example");
        made.setFirstName("Old");
        made.setLastName("Name");
        made.setEnabled(false);
        made.setAttributes(java.util.Map.of("tenant", List.of(t), "employee_id", List.of("r-1")));
        users().create(made).close();

        asHr(t).contentType(ContentType.JSON).body("{\"name\": \"Rae Ray\", \"email\": \"rae@" + t + ".example\"}")
                .put("/api/v1/people/r-1").then().statusCode(201);
        relay.drain(t);
        assertEquals(1, users().searchByAttributes("tenant:" + t + " employee_id:r-1").size());
        UserRepresentation rae = user("rae@" + t + ".example");
        assertEquals("Rae", rae.getFirstName());
        assertTrue(rae.isEnabled());
        assertTrue(realmRoles(rae.getId()).contains("employee"));
    }

    @Test
    void searchingFirstFindsTheUserOfAPersonWhoseEmailChangedSinceTheBackup() {
        // This database was restored from a backup older than the person's e-mail change, Keycloak
        // kept its users: the person's first task here carries an address the realm's user does
        // not have, so a create would not conflict. With search-first (PROVISIONING_SEARCH_FIRST,
        // the relay then passes firstForPerson=false) the user is found by its attributes.
        UserRepresentation made = new UserRepresentation();
        made.setUsername("old.ray@" + t + ".example");
        made.setEmail("old.ray@" + t + ".example");
        made.setEnabled(true);
        made.setAttributes(java.util.Map.of("tenant", List.of(t), "employee_id", List.of("r-2")));
        users().create(made).close();

        provisioner.apply(ProvisioningTask.of(t, "r-2", ProvisioningTask.Action.UPSERT, "ray@" + t + ".example",
                "Ray New", "en", java.time.Instant.now()), false);

        assertEquals(1, users().searchByAttributes("tenant:" + t + " employee_id:r-2").size());
        UserRepresentation ray = user("old.ray@" + t + ".example");
        assertEquals("ray@" + t + ".example", ray.getEmail());
        assertEquals("Ray", ray.getFirstName());
        assertTrue(realmRoles(ray.getId()).contains("employee"));
    }

    private UsersResource users() {
        return keycloak.realm(realm).users();
    }

    private UserRepresentation user(String username) {
        List<UserRepresentation> found = users().searchByUsername(username, true);
        assertEquals(1, found.size(), "users named " + username);
        return users().get(found.get(0).getId()).toRepresentation();
    }

    private List<String> realmRoles(String userId) {
        return users().get(userId).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName).toList();
    }
}
