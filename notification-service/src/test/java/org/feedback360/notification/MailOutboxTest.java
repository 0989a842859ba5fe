package org.feedback360.notification;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.feedback360.notification.mail.MailOutboxWorker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import static org.feedback360.notification.Mailbox.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail outbox against the tests' GreenMail, made slow by its relay where a test needs it:
 * each mail's outcome is committed as soon as it is sent, so a slow server cannot make a mail go
 * twice; a claim that outlived its instance is sent again, a live one is not; two workers never
 * send the same mail.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class MailOutboxTest {

    @Inject
    MailOutboxWorker worker;
    @Inject
    Scheduler scheduler;

    @Test
    void aSlowMailServerNeverMakesAMailGoTwice() {
        List<String> to = recipients(5);
        NotificationTestResources.smtp.holdEachMail(Duration.ofMillis(700));
        try {
            queue(to, "PENDING", "now()");
            // Each mail is recorded once it is sent, while the rest of its batch is still going out,
            // so no rollback of a long batch can un-send it. Sent in one transaction per batch, the
            // five would turn SENT together, after all of them went out.
            await("the first mail recorded as sent while its batch is still being sent", () -> {
                long sent = count(to, "SENT");
                return sent >= 1 && sent < 5 && count(to, "SENDING") == 5 - sent;
            });
            await("all sent", () -> count(to, "SENT") == 5);
        } finally {
            NotificationTestResources.smtp.holdEachMail(Duration.ZERO);
        }
        NotificationFlowTest.sleepPast("a second copy");
        to.forEach(address -> assertEquals(1, Mailbox.to(address).size(), address));
    }

    @Test
    void aClaimWhoseLeaseRanOutIsSentAgainALiveOneIsNot() {
        List<String> orphaned = recipients(1);
        List<String> inFlight = recipients(1);
        // Claimed by an instance that died mid-send, and by one still sending.
        queue(orphaned, "SENDING", "now() - interval '1 second'");
        queue(inFlight, "SENDING", "now() + interval '1 hour'");

        await("the orphaned mail sent", () -> count(orphaned, "SENT") == 1 && Mailbox.to(orphaned.get(0)).size() == 1);
        NotificationFlowTest.sleepPast("a mail still claimed");
        assertEquals(1, count(inFlight, "SENDING"));
        assertEquals(List.of(), Mailbox.to(inFlight.get(0)));
        assertEquals(2, Db.count("SELECT attempts FROM mail_outbox WHERE recipient = ?1", orphaned.get(0)),
                "the lost send counts as an attempt");
    }

    @Test
    void twoWorkersNeverSendTheSameMail() throws Exception {
        List<String> to = recipients(30);
        Set<UUID> ours = new HashSet<>();
        scheduler.pause(MailOutboxWorker.JOB);
        try {
            Thread.sleep(1500); // a run that had started finishes
            queue(to, "PENDING", "now()");
            Db.column("SELECT id FROM mail_outbox WHERE recipient = ANY (?1)", (Object) to.toArray(String[]::new))
                    .forEach(id -> ours.add((UUID) id));
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<List<UUID>> first = CompletableFuture.supplyAsync(() -> run(start));
            CompletableFuture<List<UUID>> second = CompletableFuture.supplyAsync(() -> run(start));
            List<UUID> a = first.get().stream().filter(ours::contains).toList();
            List<UUID> b = second.get().stream().filter(ours::contains).toList();
            Set<UUID> both = new HashSet<>(a);
            both.retainAll(b);
            assertEquals(Set.of(), both, "a mail sent by both workers");
            assertTrue(!a.isEmpty() && !b.isEmpty(), "both workers sent: " + a.size() + " and " + b.size());
            assertEquals(ours, union(a, b), "every mail sent by one of them");
        } finally {
            scheduler.resume(MailOutboxWorker.JOB);
        }
        await("all received", () -> to.stream().allMatch(address -> Mailbox.to(address).size() == 1));
        NotificationFlowTest.sleepPast("a second copy");
        to.forEach(address -> assertEquals(1, Mailbox.to(address).size(), address));
    }

    private List<UUID> run(CyclicBarrier start) {
        try {
            start.await();
            return worker.sendBatch();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<UUID> union(List<UUID> a, List<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> recipients(int n) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return IntStream.range(0, n).mapToObj(i -> "rater-" + i + "-" + run + "@acme.example").toList();
    }

    /** Queues one reminder per recipient in one statement, so a claim sees all of them or none. */
    private static void queue(List<String> recipients, String status, String leaseUntil) {
        JsonObject model = new JsonObject().put("raterName", "Dee").put("cycleName", "Autumn").put("closesAt", "soon")
                .put("count", 1).put("link", "x")
                .put("assignments", new JsonArray().add(new JsonObject().put("subjectName", "Leo").put("link", "x")));
        Db.update("""
                INSERT INTO mail_outbox (id, recipient, locale, template, model, dedup_key, status, attempts, lease_until)
                SELECT gen_random_uuid(), r, 'en', 'reminder', CAST(?1 AS jsonb), 'test|' || r, ?2, ?3, """ + leaseUntil + """
                 FROM unnest(CAST(?4 AS text[])) AS r""",
                model.encode(), status, status.equals("SENDING") ? 1 : 0, recipients.toArray(String[]::new));
    }

    private static long count(List<String> recipients, String status) {
        return Db.count("SELECT count(*) FROM mail_outbox WHERE recipient = ANY (?1) AND status = ?2",
                recipients.toArray(String[]::new), status);
    }
}
