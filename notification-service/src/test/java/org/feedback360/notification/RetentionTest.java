package org.feedback360.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.feedback360.notification.Mailbox.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applied event ids and inbox items do not stay for ever: the hourly purge deletes what is past
 * its retention (120 days and a day, 365 days) and keeps the rest, and an event older than its id
 * would be remembered is not applied at all, so a forgotten id can never let an event apply twice.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class RetentionTest {

    @Inject
    Retention retention;

    @Test
    void appliedEventIdsAndInboxItemsGoAfterTheirRetention() {
        String tenant = TestEvents.cycle().tenant();
        UUID forgotten = processedEvent("122 days");
        UUID remembered = processedEvent("119 days");
        UUID oldUnread = inboxItem(tenant, "366 days", false);
        UUID oldRead = inboxItem(tenant, "366 days", true);
        UUID kept = inboxItem(tenant, "364 days", false);

        retention.purgeAll();

        assertEquals(List.of(remembered), Db.column("SELECT event_id FROM processed_event WHERE event_id = ANY (?1)",
                (Object) new UUID[] {forgotten, remembered}));
        assertEquals(List.of(kept), Db.column("SELECT id FROM inbox_item WHERE id = ANY (?1)",
                (Object) new UUID[] {oldUnread, oldRead, kept}));
        given().auth().oauth2(TestTokens.employee(tenant, "E-0800").sign()).get("/api/v1/me/inbox")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(kept.toString()));
    }

    @Test
    void anEventOlderThanItsIdWouldBeRememberedIsNotApplied() {
        String tenant = TestEvents.cycle().tenant();
        String email = "ria-" + tenant + "@acme.example";
        JsonObject stale = TestEvents.reportPublished(tenant, "E-0810", "Ria", email, "en")
                .put("time", Instant.now().minus(121, ChronoUnit.DAYS).toString());
        JsonObject recent = TestEvents.reportPublished(tenant, "E-0810", "Ria", email, "en")
                .put("time", Instant.now().minus(119, ChronoUnit.DAYS).toString());
        TestEvents.publish(stale);
        TestEvents.publish(recent); // same subject, same partition: consumed after the stale one

        await("the recent event's mail", () -> Mailbox.to(email).size() == 1);
        NotificationFlowTest.sleepPast("a second mail");
        assertEquals(1, Mailbox.to(email).size());
        assertEquals(0, Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?1",
                UUID.fromString(stale.getString("id"))));
        assertEquals(1, Db.count("SELECT count(*) FROM inbox_item WHERE tenant = ?1", tenant));
        assertTrue(given().get("/q/metrics").asString()
                .contains("notification_events_too_old_total{topic=\"scoring.reports\""));
    }

    private static UUID processedEvent(String age) {
        UUID id = UUID.randomUUID();
        Db.update("INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?1, 'test', now() - CAST(?2 AS interval))",
                id, age);
        return id;
    }

    private static UUID inboxItem(String tenant, String age, boolean read) {
        UUID id = UUID.randomUUID();
        Db.update("""
                INSERT INTO inbox_item (id, tenant, employee_id, kind, title, body, created_at, read_at, dedup_key)
                VALUES (?1, ?2, 'E-0800', 'REPORT_READY', 'Your report is ready', 'Read it', now() - CAST(?3 AS interval),
                        CASE WHEN ?4 THEN now() END, ?5)""", id, tenant, age, read, "test|" + id);
        return id;
    }
}
