package org.feedback360.feedback.instrument;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;
import static org.feedback360.feedback.Api.newTenant;
import static org.feedback360.feedback.Api.PULSE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class InstrumentResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    InstrumentService service;


    @Test
    void builtInsAreListedForEveryTenant() {
        asEmployee(newTenant(), "leo").get("/api/v1/instruments").then().statusCode(200)
                .body("ref", hasItems("leader-follower-v1", "followership-v1"))
                .body("find { it.ref == 'leader-follower-v1' }.builtIn", equalTo(true))
                .body("find { it.ref == 'leader-follower-v1' }.dimensions", hasSize(11))
                .body("find { it.ref == 'followership-v1' }.raterGroups", containsInAnyOrder("SELF", "MANAGER"));
    }

    @Test
    void leaderFollowerHasTheDesignedShape() {
        asHr(newTenant()).get("/api/v1/instruments/leader-follower/versions/1").then().statusCode(200)
                .body("dimensions.key", contains("TRUST", "COMMUNICATION", "PRESENCE", "RECOGNITION", "EMPOWERMENT",
                        "FAIRNESS", "PSYCHOLOGICAL_SAFETY", "INCLUSION", "LEADING_BY_EXAMPLE", "DEVELOPMENT", "COMMITMENT"))
                .body("dimensions.find { it.key == 'COMMITMENT' }.outcome", equalTo(true))
                .body("dimensions.items.flatten().size()", greaterThanOrEqualTo(33))
                .body("dimensions.items.flatten().findAll { it.reverseScored }.size()", greaterThanOrEqualTo(2))
                .body("dimensions.items.flatten().text", everyItem(hasKey("de")))
                .body("openQuestions.id", contains("keep-doing", "one-change"))
                .body("raterGroups", containsInAnyOrder("SELF", "MANAGER", "DIRECT_REPORT", "PEER"))
                .body("scale.min", equalTo(1)).body("scale.max", equalTo(5))
                .body("scale.notApplicableAllowed", equalTo(true));
        asHr(newTenant()).get("/api/v1/instruments/followership/versions/1").then().statusCode(200)
                .body("dimensions.key", contains("JUDGMENT", "WORK_ETHIC", "COMPETENCE", "HONESTY", "COURAGE",
                        "DISCRETION", "LOYALTY", "EGO_MANAGEMENT"));
    }

    @Test
    void aTenantsInstrumentIsVersionedAndVisibleOnlyToIt() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(PULSE).post("/api/v1/instruments").then().statusCode(201)
                .header("Location", endsWith("/api/v1/instruments/team-pulse/versions/1"))
                .body("version", equalTo(1)).body("builtIn", equalTo(false)).body("inUse", equalTo(false));
        asHr(t).contentType(ContentType.JSON).body(PULSE).post("/api/v1/instruments").then().statusCode(201)
                .body("version", equalTo(2));
        asHr(t).get("/api/v1/instruments").then().body("ref", hasItems("team-pulse-v1", "team-pulse-v2"));

        String other = newTenant();
        asHr(other).get("/api/v1/instruments").then().body("ref", not(hasItem("team-pulse-v1")));
        asHr(other).get("/api/v1/instruments/team-pulse/versions/1").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aLockThatRolledBackLeavesTheVersionOpenToCorrection() {
        // The service keeps parsed definitions of locked versions; a lock that never committed must not put one there.
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(PULSE).post("/api/v1/instruments").then().statusCode(201);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            service.definitionOf(service.useForCycle(t, "team-pulse", 1));
            throw new IllegalStateException("the cycle's creation fails after the lock");
        }));
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Instrument locking = service.useForCycle(t, "team-pulse", 1);
            QuarkusTransaction.setRollbackOnly(); // doomed after the lock, read after that: a rollback too
            service.definitionOf(locking);
        }));

        String corrected = PULSE.replace("Goals are clear.", "Our goals are clear.");
        asHr(t).contentType(ContentType.JSON).body(corrected).put("/api/v1/instruments/team-pulse/versions/1")
                .then().statusCode(200);
        asHr(t).get("/api/v1/instruments/team-pulse/versions/1").then().statusCode(200)
                .body("inUse", equalTo(false)).body("dimensions[0].items[0].text.en", equalTo("Our goals are clear."));

        // Locked for real: the corrected text, in the locking transaction and after it.
        String inTransaction = QuarkusTransaction.requiringNew().call(() ->
                service.definitionOf(service.useForCycle(t, "team-pulse", 1)).dimensions().get(0).items().get(0).text().get("en"));
        assertEquals("Our goals are clear.", inTransaction);
        asHr(t).get("/api/v1/instruments/team-pulse/versions/1").then()
                .body("inUse", equalTo(true)).body("dimensions[0].items[0].text.en", equalTo("Our goals are clear."));
    }

    @Test
    void unusedVersionCanBeCorrectedUsedOneAndBuiltInsCannot() {
        String t = newTenant();
        asHr(t).contentType(ContentType.JSON).body(PULSE).post("/api/v1/instruments").then().statusCode(201);
        String corrected = PULSE.replace("Goals are clear.", "Our goals are clear.");
        asHr(t).contentType(ContentType.JSON).body(corrected).put("/api/v1/instruments/team-pulse/versions/1")
                .then().statusCode(200).body("dimensions[0].items[0].text.en", equalTo("Our goals are clear."));

        QuarkusTransaction.requiringNew().run(() -> service.useForCycle(t, "team-pulse", 1));
        asHr(t).get("/api/v1/instruments/team-pulse/versions/1").then().body("inUse", equalTo(true));
        asHr(t).contentType(ContentType.JSON).body(PULSE).put("/api/v1/instruments/team-pulse/versions/1")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/instrument-immutable"))
                .body("detail", containsString("version 2"));
        asHr(t).get("/api/v1/instruments/team-pulse/versions/1").then()
                .body("dimensions[0].items[0].text.en", equalTo("Our goals are clear."));

        String lf = PULSE.replace("team-pulse", "leader-follower");
        asHr(t).contentType(ContentType.JSON).body(lf).put("/api/v1/instruments/leader-follower/versions/1")
                .then().statusCode(409).contentType(PROBLEM);
        asHr(t).contentType(ContentType.JSON).body(lf).post("/api/v1/instruments")
                .then().statusCode(409).body("type", equalTo("https://feedback360.org/problems/built-in-key"));
    }

    @Test
    void invalidInstrumentsAreRefusedWithTheReasons() {
        String t = newTenant();
        String duplicateItem = PULSE.replace("\"clarity-2\"", "\"clarity-1\"");
        asHr(t).contentType(ContentType.JSON).body(duplicateItem).post("/api/v1/instruments")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("dimensions[0].items[1].id"));
        String missingGerman = PULSE.replace(", \"de\": \"Ziele sind klar.\"", "");
        asHr(t).contentType(ContentType.JSON).body(missingGerman).post("/api/v1/instruments")
                .then().statusCode(422).body("errors[0].field", equalTo("dimensions[0].items[0].text"));
        String noDimensions = PULSE.substring(0, PULSE.indexOf("\"dimensions\"")) + "\"dimensions\": []}";
        asHr(t).contentType(ContentType.JSON).body(noDimensions).post("/api/v1/instruments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("dimensions"));
        asHr(t).contentType(ContentType.JSON).body(PULSE.replace("\"SELF\"", "\"BOSS\"")).post("/api/v1/instruments")
                .then().statusCode(400).contentType(PROBLEM);
        asHr(t).get("/api/v1/instruments").then().body("ref", not(hasItem("team-pulse-v1")));
    }

    @Test
    void onlyHrCreatesInstruments() {
        asEmployee(newTenant(), "leo").contentType(ContentType.JSON).body(PULSE).post("/api/v1/instruments")
                .then().statusCode(403);
    }
}
