package org.feedback360.notification;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.feedback360.notification.events.ScheduledMessageJob;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.feedback360.notification.Mailbox.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders go on the cycle's schedule, only to raters with an assignment still open, never after
 * the cycle closed, and each reminder once even with two workers. Time is moved on by making a
 * scheduled reminder due now in the database; everything else goes through Kafka and SMTP.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class ReminderTest {

    /** Closes in two hours with a reminder one hour before: scheduled, not yet due. */
    static final String ONE_HOUR_BEFORE = "PT1H";

    @Inject
    ScheduledMessageJob reminders;
    @Inject
    Scheduler scheduler;

    @Test
    void remindersGoOnlyToRatersWhoseAssignmentIsNeitherSubmittedNorCancelled() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment fayAboutLeo = cycle.assignment("E-0201", "Fay Follower", "de");
        TestEvents.Assignment fayAboutMia = fayAboutLeo.about("E-0210", "Mia Manager");
        TestEvents.Assignment sam = cycle.assignment("E-0202", "Sam Submitter", "en");
        TestEvents.Assignment cid = cycle.assignment("E-0203", "Cid Cancelled", "en");
        TestEvents.Assignment dee = cycle.assignment("E-0204", "Dee Pending", "en");
        List<TestEvents.Assignment> all = List.of(fayAboutLeo, fayAboutMia, sam, cid, dee);
        all.forEach(a -> TestEvents.publish(a.created()));
        await("assignments known", () -> Db.count("SELECT count(*) FROM known_assignment WHERE cycle_id = ?1",
                cycle.cycleId()) == 5); // so Fay's two come in one invitation
        TestEvents.publish(cycle.opened(Instant.now().plusSeconds(7200), ONE_HOUR_BEFORE));
        for (TestEvents.Assignment a : List.of(fayAboutLeo, sam, cid, dee)) {
            await("invitation of " + a.raterName(), () -> Mailbox.to(a.raterEmail()).size() == 1);
        }

        TestEvents.publish(fayAboutMia.submitted());
        TestEvents.publish(sam.submitted());
        TestEvents.publish(cid.cancelled());
        await("submissions and cancellation applied", () -> Db.count(
                "SELECT count(*) FROM known_assignment WHERE cycle_id = ?1 AND state <> 'CREATED'", cycle.cycleId()) == 3);
        assertEquals(0, Db.count("SELECT count(*) FROM scheduled_message WHERE kind = 'REMINDER' AND cycle_id = ?1 AND status <> 'PENDING'",
                cycle.cycleId()), "not due before its time");

        makeRemindersDue(cycle);
        await("reminder sent", () -> "SENT".equals(Db.single("SELECT status FROM scheduled_message WHERE kind = 'REMINDER' AND cycle_id = ?1",
                cycle.cycleId())));
        // Everything a reminder queues is committed with its SENT status, so this is the full list.
        assertEquals(Set.of(fayAboutLeo.raterEmail(), dee.raterEmail()), Set.copyOf(Db.column(
                "SELECT recipient FROM mail_outbox WHERE template = 'reminder' AND open_cycle_id = ?1", cycle.cycleId())));
        assertEquals(Set.of("E-0201", "E-0204"), Set.copyOf(Db.column(
                "SELECT employee_id FROM inbox_item WHERE tenant = ?1 AND kind = 'REMINDER'", cycle.tenant())));

        await("reminder mails", () -> Mailbox.to(fayAboutLeo.raterEmail(), "Erinnerung").size() == 1
                && Mailbox.to(dee.raterEmail(), "Reminder").size() == 1);
        Mailbox.Mail fay = Mailbox.to(fayAboutLeo.raterEmail(), "Erinnerung").get(0);
        assertEquals("Erinnerung: Feedback zu Leo Leader", fay.subject());
        assertFalse(fay.text().contains("Mia Manager"), "the submitted assignment is not reminded: " + fay.text());
        assertTrue(fay.text().contains("/assignments/" + fayAboutLeo.assignmentId()), fay.text());
        assertEquals("Reminder: feedback on Leo Leader", Mailbox.to(dee.raterEmail(), "Reminder").get(0).subject());
        NotificationFlowTest.sleepPast("a wrong reminder");
        assertEquals(List.of(), Mailbox.to(sam.raterEmail(), "Reminder"));
        assertEquals(List.of(), Mailbox.to(cid.raterEmail(), "Reminder"));
        assertEquals(1, Mailbox.to(dee.raterEmail(), "Reminder").size());
    }

    @Test
    void noReminderOnceTheCycleHasClosed() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment dee = openWithOnePendingRater(cycle);
        TestEvents.publish(cycle.closed(1, 0)); // HR closes early
        await("cycle closed", () -> "CLOSED".equals(Db.single("SELECT state FROM known_cycle WHERE cycle_id = ?1",
                cycle.cycleId())));

        makeRemindersDue(cycle);
        await("reminder skipped", () -> "SKIPPED".equals(Db.single("SELECT status FROM scheduled_message WHERE kind = 'REMINDER' AND cycle_id = ?1",
                cycle.cycleId())));
        assertEquals(0, Db.count("SELECT count(*) FROM inbox_item WHERE tenant = ?1 AND kind = 'REMINDER'", cycle.tenant()));
        assertEquals(0, Db.count("SELECT count(*) FROM mail_outbox WHERE template = 'reminder' AND open_cycle_id = ?1",
                cycle.cycleId()));
    }

    @Test
    void aReminderMailStillQueuedWhenTheCycleClosesIsNeverSent() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        TestEvents.Assignment dee = openWithOnePendingRater(cycle);
        // A reminder queued while the cycle was open, waiting for a retry after SMTP failures.
        UUID mail = UUID.randomUUID();
        JsonObject model = new JsonObject().put("raterName", "Dee").put("cycleName", "c").put("closesAt", "soon")
                .put("count", 1).put("link", "x")
                .put("assignments", new JsonArray().add(new JsonObject().put("subjectName", "Leo").put("link", "x")));
        Db.update("""
                INSERT INTO mail_outbox (id, recipient, locale, template, model, dedup_key, open_cycle_id, attempts, next_attempt)
                VALUES (?1, ?2, 'en', 'reminder', CAST(?3 AS jsonb), ?4, ?5, 3, now() + interval '1 hour')""",
                mail, dee.raterEmail(), model.encode(), "test|" + mail, cycle.cycleId());

        TestEvents.publish(cycle.closed(1, 0));
        await("cycle closed", () -> "CLOSED".equals(Db.single("SELECT state FROM known_cycle WHERE cycle_id = ?1",
                cycle.cycleId())));
        Db.update("UPDATE mail_outbox SET next_attempt = now() WHERE id = ?1", mail);
        await("mail expired", () -> "EXPIRED".equals(Db.single("SELECT status FROM mail_outbox WHERE id = ?1", mail)));
        assertEquals(List.of(), Mailbox.to(dee.raterEmail(), "Reminder"));
    }

    @Test
    void twoConcurrentReminderRunsHandleEveryReminderExactlyOnce() throws Exception {
        List<TestEvents.Cycle> cycles = new ArrayList<>();
        List<TestEvents.Assignment> raters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestEvents.Cycle cycle = TestEvents.cycle();
            TestEvents.Assignment rater = cycle.assignment("E-05" + i, "Rater " + i, "en");
            TestEvents.publish(rater.created());
            TestEvents.publish(cycle.opened(Instant.now().plusSeconds(7200), ONE_HOUR_BEFORE));
            cycles.add(cycle);
            raters.add(rater);
        }
        raters.forEach(r -> await("invitation", () -> Mailbox.to(r.raterEmail()).size() == 1));
        Set<Object> ours = new HashSet<>();
        scheduler.pause(ScheduledMessageJob.JOB);
        try {
            Thread.sleep(1500); // a run that had started finishes
            for (TestEvents.Cycle cycle : cycles) {
                makeRemindersDue(cycle);
                ours.addAll(Db.column("SELECT id FROM scheduled_message WHERE kind = 'REMINDER' AND cycle_id = ?1", cycle.cycleId()));
            }
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<List<UUID>> first = CompletableFuture.supplyAsync(() -> run(start));
            CompletableFuture<List<UUID>> second = CompletableFuture.supplyAsync(() -> run(start));
            List<UUID> a = first.get().stream().filter(ours::contains).toList();
            List<UUID> b = second.get().stream().filter(ours::contains).toList();
            Set<UUID> overlap = new HashSet<>(a);
            overlap.retainAll(b);
            assertEquals(Set.of(), overlap, "a reminder handled by both workers");
            assertEquals(ours, new HashSet<Object>(union(a, b)), "every due reminder handled");
        } finally {
            scheduler.resume(ScheduledMessageJob.JOB);
        }
        raters.forEach(r -> await("reminder", () -> Mailbox.to(r.raterEmail(), "Reminder").size() == 1));
        NotificationFlowTest.sleepPast("a second reminder");
        raters.forEach(r -> assertEquals(1, Mailbox.to(r.raterEmail(), "Reminder").size()));
    }

    /** Opens the cycle (closing in two hours, a reminder scheduled) with Dee invited and not done. */
    private static TestEvents.Assignment openWithOnePendingRater(TestEvents.Cycle cycle) {
        TestEvents.Assignment dee = cycle.assignment("E-0204", "Dee Pending", "en");
        TestEvents.publish(dee.created());
        TestEvents.publish(cycle.opened(Instant.now().plusSeconds(7200), ONE_HOUR_BEFORE));
        await("invitation", () -> Mailbox.to(dee.raterEmail()).size() == 1);
        return dee;
    }

    private List<UUID> run(CyclicBarrier start) {
        try {
            start.await();
            return reminders.sendDue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> union(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void makeRemindersDue(TestEvents.Cycle cycle) {
        await("reminder scheduled", () -> Db.count("SELECT count(*) FROM scheduled_message WHERE kind = 'REMINDER' AND cycle_id = ?1",
                cycle.cycleId()) == 1);
        Db.update("UPDATE scheduled_message SET due_at = now() WHERE kind = 'REMINDER' AND cycle_id = ?1", cycle.cycleId());
    }
}
