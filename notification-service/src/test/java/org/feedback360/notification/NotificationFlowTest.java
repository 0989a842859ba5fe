package org.feedback360.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.feedback360.notification.Mailbox.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Kafka in (contract-checked events), real SMTP (the tests' own GreenMail) and inbox out:
 * the right people get the right mail, in their language, with the right links, once.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class NotificationFlowTest {

    static final String BASE = "http://127.0.0.1:8080";
    static final Instant CLOSES = Instant.parse("2030-11-16T18:00:00Z");

    @Test
    void assignmentBeforeOpenInvitesRaterInHerLocaleExactlyOnceEvenWhenRedelivered() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment fay = cycle.assignment("E-0201", "Fay Follower", "de");
        JsonObject created = fay.created();
        JsonObject opened = cycle.opened(CLOSES);
        TestEvents.publish(created);
        TestEvents.publish(opened);
        TestEvents.publish(opened); // same event id again: no second mail
        TestEvents.publish(created);

        await("invitation mail", () -> Mailbox.to(fay.raterEmail()).size() == 1);
        await("both copies consumed", () -> given().auth().oauth2(token(cycle, fay)).get("/api/v1/me/inbox")
                .then().extract().<Integer>path("total") == 1);
        sleepPast("a duplicate");
        List<Mailbox.Mail> mails = Mailbox.to(fay.raterEmail());
        assertEquals(1, mails.size());
        Mailbox.Mail mail = mails.get(0);
        assertEquals("Feedback erbeten: Leo Leader", mail.subject());
        String link = BASE + "/cycles/" + cycle.cycleId() + "/assignments/" + fay.assignmentId();
        assertTrue(mail.text().contains("Hallo Fay Follower"), mail.text());
        assertTrue(mail.text().contains("Ende: 16. November 2030, 18:00 UTC"), mail.text());
        assertTrue(mail.text().contains("Leo Leader: " + link), mail.text());
        assertTrue(mail.html().contains("<a href=\"" + link + "\">Leo Leader</a>"), mail.html());

        given().auth().oauth2(token(cycle, fay)).when().get("/api/v1/me/inbox")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("INVITATION"))
                .body("items[0].title", equalTo("Feedback erbeten: Leo Leader"))
                .body("items[0].link", equalTo(link));
    }

    @Test
    void aRaterOfSeveralSubjectsGetsOneInvitationListingEach() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment aboutLeo = cycle.assignment("E-0301", "Pat Peer", "en");
        TestEvents.Assignment aboutMia = aboutLeo.about("E-0210", "Mia Manager");
        TestEvents.publish(aboutLeo.created());
        TestEvents.publish(aboutMia.created());
        await("both assignments known", () -> Db.count(
                "SELECT count(*) FROM known_assignment WHERE rater_id = 'E-0301' AND cycle_id = ?1", cycle.cycleId()) == 2);
        TestEvents.publish(cycle.opened(CLOSES));

        await("invitation", () -> Mailbox.to(aboutLeo.raterEmail()).size() == 1);
        sleepPastARound("a second invitation");
        List<Mailbox.Mail> mails = Mailbox.to(aboutLeo.raterEmail());
        assertEquals(1, mails.size(), "one mail per rater, not per assignment");
        Mailbox.Mail mail = mails.get(0);
        assertEquals("Feedback requested: 2 colleagues", mail.subject());
        assertTrue(mail.text().contains("closes on 16 November 2030, 18:00 UTC"), mail.text());
        for (TestEvents.Assignment a : List.of(aboutLeo, aboutMia)) {
            String link = BASE + "/cycles/" + cycle.cycleId() + "/assignments/" + a.assignmentId();
            assertTrue(mail.text().contains(a.subjectName() + ": " + link), mail.text());
            assertTrue(mail.html().contains("<a href=\"" + link + "\">" + a.subjectName() + "</a>"), mail.html());
        }
    }

    @Test
    void assignmentsArrivingAfterTheOpeningStillMakeOneInvitation() {
        // The assignments topic may lag behind the cycles topic (a rebalance, a restart): the
        // opening is then known first and each assignment arrives on its own.
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment aboutLeo = cycle.assignment("E-0302", "Pia Peer", "en");
        TestEvents.Assignment aboutMia = aboutLeo.about("E-0210", "Mia Manager");
        TestEvents.publish(cycle.opened(CLOSES));
        await("cycle known", () -> Db.count("SELECT count(*) FROM known_cycle WHERE cycle_id = ?1 AND state = 'OPEN'",
                cycle.cycleId()) == 1);
        TestEvents.publish(aboutLeo.created());
        TestEvents.publish(aboutMia.created());

        await("invitation", () -> Mailbox.to(aboutLeo.raterEmail()).size() == 1);
        sleepPastARound("a second invitation");
        List<Mailbox.Mail> mails = Mailbox.to(aboutLeo.raterEmail());
        assertEquals(1, mails.size(), "one mail per rater, not per assignment");
        assertEquals("Feedback requested: 2 colleagues", mails.get(0).subject());
    }

    @Test
    void closingTellsTheOwnerTheCompletionFiguresInHerLocale() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.publish(cycle.opened(CLOSES));
        JsonObject closed = cycle.closed(5, 3);
        TestEvents.publish(closed);
        TestEvents.publish(closed);

        await("cycle-closed mail", () -> Mailbox.to(cycle.ownerEmail()).size() == 1);
        Mailbox.Mail mail = Mailbox.to(cycle.ownerEmail()).get(0);
        // The example's owner reads German.
        assertEquals("Zyklus geschlossen: Autumn 2026 leadership review", mail.subject());
        assertTrue(mail.text().contains("3 von 5 Bewertungen wurden abgegeben"), mail.text());
        assertTrue(mail.text().contains("- Leo Leader: 3 von 5"), mail.text());
        assertTrue(mail.text().contains("Details: " + BASE + "/cycles/" + cycle.cycleId()), mail.text());
        assertTrue(mail.html().contains("<b>3 von 5</b>"), mail.html());
        sleepPast("a duplicate");
        assertEquals(1, Mailbox.to(cycle.ownerEmail()).size());
    }

    @Test
    void aPublishedReportIsAnnouncedToItsSubjectWithALinkAndWithoutScores() {
        String tenant = TestEvents.cycle().tenant();
        String leoEmail = "leo-" + tenant + "@acme.example";
        String noraEmail = "nora-" + tenant + "@acme.example";
        JsonObject leo = TestEvents.reportPublished(tenant, "E-0200", "Leo Leader", leoEmail, "en");
        JsonObject nora = TestEvents.reportPublished(tenant, "E-0220", "Nora Neu", noraEmail, "de-AT");
        TestEvents.publish(leo);
        TestEvents.publish(nora);
        TestEvents.publish(leo); // redelivered: still one mail

        await("report mails", () -> Mailbox.to(leoEmail).size() == 1 && Mailbox.to(noraEmail).size() == 1);
        Mailbox.Mail en = Mailbox.to(leoEmail).get(0);
        Mailbox.Mail de = Mailbox.to(noraEmail).get(0);
        assertEquals("Your feedback report is ready: Autumn 2026 leadership review", en.subject());
        assertEquals("Ihr Feedback-Bericht ist da: Autumn 2026 leadership review", de.subject());
        String leoLink = BASE + leo.getJsonObject("data").getString("reportPath");
        assertTrue(en.text().contains("Read it here: " + leoLink), en.text());
        assertTrue(en.html().contains("<a href=\"" + leoLink + "\">"), en.html());
        assertTrue(de.text().contains("Hier lesen: " + BASE + nora.getJsonObject("data").getString("reportPath")));
        for (Mailbox.Mail mail : List.of(en, de)) {
            String all = mail.subject() + mail.text() + mail.html();
            for (String result : List.of("0.5434", "0,5434", "OVER_ESTIMATOR", "ESTIMATOR", "DIRECT_REPORT")) {
                assertFalse(all.contains(result), "mail carries a result: " + result);
            }
        }

        given().auth().oauth2(TestTokens.employee(tenant, "E-0200").sign()).when().get("/api/v1/me/inbox")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("REPORT_READY"))
                .body("items[0].link", equalTo(leoLink));
        sleepPast("a duplicate");
        assertEquals(1, Mailbox.to(leoEmail).size());
    }

    @Test
    void malformedRecordsAreSkippedAndConsumptionGoesOn() {
        String tenant = TestEvents.cycle().tenant();
        String email = "kim-" + tenant + "@acme.example";
        JsonObject badPath = TestEvents.reportPublished(tenant, "E-0230", "Kim", email, "en");
        badPath.getJsonObject("data").put("reportPath", "/api/v1/reports/../../admin");
        TestEvents.send(NotificationTestResources.REPORTS, "E-0230", "not json at all");
        TestEvents.send(NotificationTestResources.REPORTS, "E-0230", "{\"type\":\"org.feedback360.ReportPublished\"}");
        TestEvents.send(NotificationTestResources.REPORTS, "E-0230", badPath.encode());
        TestEvents.publish(TestEvents.reportPublished(tenant, "E-0230", "Kim", email, "en"));

        await("the valid report's mail after the bad records", () -> Mailbox.to(email).size() == 1);
        assertTrue(Mailbox.to(email).get(0).text().contains(BASE + "/api/v1/reports/"));
        assertTrue(given().get("/q/metrics").asString().contains("notification_events_rejected_total{topic=\"scoring.reports\""));
    }

    @Test
    void aMalformedAssignmentEventDoesNotHoldBackTheOthersReadInTheSamePoll() {
        // Assignment events are applied a poll at a time, in one transaction: a record no handler
        // can apply is left out of it instead of failing (and endlessly retrying) its neighbours.
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment fay = cycle.assignment("E-0201", "Fay Follower", "en");
        TestEvents.Assignment finn = cycle.assignment("E-0202", "Finn Follower", "en");
        JsonObject withoutRater = cycle.assignment("E-0203", "Flo Follower", "en").created();
        withoutRater.getJsonObject("data").getJsonObject("rater").remove("employeeId");
        JsonObject fayCreated = fay.created();
        TestEvents.sendTogether(NotificationTestResources.ASSIGNMENTS, fay.subjectId(), List.of(
                fayCreated.encode(), withoutRater.encode(), "not json at all", finn.created().encode(),
                fayCreated.encode()));
        TestEvents.publish(cycle.opened(CLOSES));

        await("both invitations", () -> Mailbox.to(fay.raterEmail()).size() == 1
                && Mailbox.to(finn.raterEmail()).size() == 1);
        sleepPastARound("a duplicate");
        assertEquals(1, Mailbox.to(fay.raterEmail()).size(), "the same event twice in one batch applies once");
        assertEquals(2, Db.count("SELECT count(*) FROM known_assignment WHERE cycle_id = ?1", cycle.cycleId()));
        assertTrue(given().get("/q/metrics").asString()
                .contains("notification_events_rejected_total{topic=\"feedback.assignments\""));
    }

    @Test
    void someoneElsesInboxItemIsNotFound() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment fay = cycle.assignment("E-0201", "Fay Follower", "de");
        TestEvents.publish(cycle.opened(CLOSES));
        TestEvents.publish(fay.created());
        String rater = token(cycle, fay);
        await("inbox item", () -> given().auth().oauth2(rater).get("/api/v1/me/inbox")
                .then().extract().<Integer>path("total") == 1);
        String id = given().auth().oauth2(rater).get("/api/v1/me/inbox").then().extract().path("items[0].id");

        given().auth().oauth2(TestTokens.employee(cycle.tenant(), "E-0999").sign())
                .post("/api/v1/me/inbox/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.employee("other-tenant", "E-0201").sign())
                .post("/api/v1/me/inbox/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(rater).post("/api/v1/me/inbox/" + id + "/read")
                .then().statusCode(200).body("readAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(rater).get("/api/v1/me/inbox/unread-count").then().body("unread", equalTo(0));
    }

    static String token(TestEvents.Cycle cycle, TestEvents.Assignment a) {
        return TestTokens.employee(cycle.tenant(), a.raterId()).sign();
    }

    /** Negative checks on invitations: a second round would be due a settling time (3 s in tests) later. */
    static void sleepPastARound(String what) {
        sleepPast(what);
        sleepPast(what);
    }

    /** Negative checks: gives a wrongly queued duplicate the time to arrive (mail polls every second). */
    static void sleepPast(String what) {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what, e);
        }
    }
}
