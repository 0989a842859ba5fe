package org.feedback360.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inbox API: unread items before read ones, each newest first by when they arrived; pages
 * that neither overlap nor skip; a person's own items only. Items are placed in the database with
 * the arrival times the order depends on, and read through the API.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class InboxTest {

    @Test
    void unreadFirstThenNewestFirstInPagesThatNeitherOverlapNorSkip() throws Exception {
        String tenant = TestEvents.cycle().tenant();
        String me = TestTokens.employee(tenant, "E-0700").sign();
        UUID u1 = item(tenant, "E-0700", "1 day");
        UUID u2 = item(tenant, "E-0700", "2 days");
        UUID u3a = item(tenant, "E-0700", "3 days");
        UUID u3b = item(tenant, "E-0700", "3 days"); // arrived together with u3a: they straddle a page boundary
        UUID r1 = item(tenant, "E-0700", "4 days");
        UUID r2 = item(tenant, "E-0700", "5 days");
        UUID r3 = item(tenant, "E-0700", "6 days");
        item(tenant, "E-0701", "1 hour"); // a colleague's
        item("other-" + tenant, "E-0700", "1 hour"); // the same employee id in another tenant
        // Read in an order unlike their arrival: the oldest read last.
        for (UUID read : List.of(r2, r1, r3)) {
            given().auth().oauth2(me).post("/api/v1/me/inbox/" + read + "/read").then().statusCode(200);
            Thread.sleep(20);
        }

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            List<String> ids = given().auth().oauth2(me).queryParam("page", page).queryParam("size", 3)
                    .get("/api/v1/me/inbox").then().statusCode(200)
                    .body("total", equalTo(7)).body("page", equalTo(page)).body("size", equalTo(3))
                    .extract().path("items.id");
            assertEquals(page < 2 ? 3 : page == 2 ? 1 : 0, ids.size(), "page " + page + ": " + ids);
            seen.addAll(ids);
        }
        assertEquals(7, new HashSet<>(seen).size(), "no item on two pages: " + seen);
        assertEquals(List.of(u1, u2).stream().map(UUID::toString).toList(), seen.subList(0, 2));
        assertEquals(Set.of(u3a.toString(), u3b.toString()), Set.copyOf(seen.subList(2, 4)));
        assertEquals(List.of(r1, r2, r3).stream().map(UUID::toString).toList(), seen.subList(4, 7),
                "read items newest first by arrival, not by when they were read");
        given().auth().oauth2(me).get("/api/v1/me/inbox/unread-count").then().body("unread", equalTo(4));
        given().auth().oauth2(TestTokens.employee(tenant, "E-0701").sign()).get("/api/v1/me/inbox")
                .then().body("total", equalTo(1));
    }

    /** The moment the items' ages count back from, the same for all of them. */
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    private static UUID item(String tenant, String employeeId, String age) {
        UUID id = UUID.randomUUID();
        Db.update("""
                INSERT INTO inbox_item (id, tenant, employee_id, kind, title, body, created_at, dedup_key)
                VALUES (?1, ?2, ?3, 'REPORT_READY', 'Your report is ready', 'Read it', ?4 - CAST(?5 AS interval), ?6)""",
                id, tenant, employeeId, NOW, age, "test|" + id);
        return id;
    }
}
