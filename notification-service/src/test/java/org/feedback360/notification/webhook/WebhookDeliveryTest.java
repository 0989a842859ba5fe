package org.feedback360.notification.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.feedback360.notification.Db;
import org.feedback360.notification.NotificationTestResources;
import org.feedback360.notification.Retention;
import org.feedback360.notification.TestEvents;
import org.feedback360.notification.webhook.delivery.DeliveryQueue;
import org.feedback360.notification.webhook.delivery.DeliveryWorker;
import org.feedback360.notification.webhook.delivery.WebhookQueue;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.feedback360.notification.Mailbox.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook deliveries from Kafka events to real HTTP receivers on loopback: signatures that verify
 * as the README says, retries after errors and timeouts, dead-lettering, redelivery, isolation of
 * a slow receiver, no duplicates, the URL re-check before sending, and two workers that never
 * claim the same delivery. Test timings: request timeout 1 s, retries for 4 s.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class WebhookDeliveryTest {

    static Receiver receiver;

    @Inject
    DeliveryQueue queue;
    @Inject
    DeliveryWorker worker;
    @Inject
    WebhookQueue webhookQueue;
    @Inject
    Scheduler scheduler;
    @Inject
    Retention retention;

    @BeforeAll
    static void start() {
        receiver = Receiver.start("127.0.0.1");
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    record Subscription(String id, String secret, String token) {
    }

    static Subscription subscribe(String tenant, String path, String... types) {
        return subscribe(receiver, tenant, path, types);
    }

    static Subscription subscribe(Receiver at, String tenant, String path, String... types) {
        String token = TestTokens.employee(tenant, "svc-portal").roles("integration").sign();
        var created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", at.url(path), "eventTypes", List.of(types)))
                .post("/api/v1/webhooks").then().statusCode(201).extract();
        return new Subscription(created.path("id"), created.path("secret"), token);
    }

    static List<Map<String, Object>> deliveries(Subscription s) {
        return given().auth().oauth2(s.token()).queryParam("size", 100).get("/api/v1/webhooks/" + s.id() + "/deliveries")
                .then().statusCode(200).extract().path("items");
    }

    static Map<String, Object> detail(Subscription s, Object deliveryId) {
        return given().auth().oauth2(s.token()).get("/api/v1/webhooks/" + s.id() + "/deliveries/" + deliveryId)
                .then().statusCode(200).extract().path("$");
    }

    static Map<String, Object> delivery(Subscription s, Object deliveryId) {
        return (Map<String, Object>) detail(s, deliveryId).get("delivery");
    }

    static boolean all(Subscription s, int count, String status) {
        List<Map<String, Object>> items = deliveries(s);
        return items.size() == count && items.stream().allMatch(d -> status.equals(d.get("status")));
    }

    static String path(String name) {
        return "/" + name + "-" + UUID.randomUUID();
    }

    @Test
    void deliveriesAreSignedCloudEventsThatVerifyAndCarryNoRaterDetails() throws Exception {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("portal");
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.opened", "cycle.closed", "cycle.released",
                "assignment.submitted", "report.published");
        TestEvents.Assignment fay = cycle.assignment("E-0201", "Fay Follower", "de");
        JsonObject report = TestEvents.reportPublished(cycle.tenant(), "E-0200", "Leo Leader", "leo@acme.example", "en");
        List<JsonObject> events = List.of(cycle.opened(Instant.now().plusSeconds(86400)), fay.created(), fay.submitted(),
                cycle.closed(4, 3), cycle.released(), report);
        events.forEach(TestEvents::publish);

        await("five deliveries", () -> receiver.requests(hook).size() == 5);
        Map<String, Receiver.Request> byType = receiver.requests(hook).stream().collect(Collectors.toMap(
                r -> new JsonObject(r.body()).getString("type"), r -> r));
        assertEquals(Set.of("org.feedback360.cycle.opened", "org.feedback360.assignment.submitted",
                "org.feedback360.cycle.closed", "org.feedback360.cycle.released", "org.feedback360.report.published"),
                byType.keySet(), "AssignmentCreated is not forwarded");
        for (Receiver.Request r : byType.values()) {
            assertTrue(StandardWebhooksVerifier.verify(s.secret(), r), "signature verifies: " + r.headers());
            assertFalse(StandardWebhooksVerifier.verify(s.secret(), r.header("webhook-id"), r.header("webhook-timestamp"),
                    r.header("webhook-signature"), r.body().replace("\"tenant\"", "\"tenant \""), Instant.now()),
                    "a changed body does not verify");
            assertEquals("application/cloudevents+json; charset=utf-8", r.header("content-type"));
            JsonObject ce = new JsonObject(r.body());
            assertEquals("1.0", ce.getString("specversion"));
            assertEquals(r.header("webhook-id"), ce.getString("id"));
            assertEquals(cycle.tenant(), ce.getString("tenant"));
            for (String secret : List.of("Fay Follower", "fay.follower", "e-0201-", "@acme.example", "answers",
                    "raterKey", "0.5434", "OVER_ESTIMATOR", "alignmentIndex")) {
                assertFalse(r.body().contains(secret), secret + " leaked in " + r.body());
            }
        }
        JsonObject submitted = new JsonObject(byType.get("org.feedback360.assignment.submitted").body());
        assertEquals(events.get(2).getString("id"), submitted.getString("id"), "the platform event's id, stable");
        assertEquals("E-0201", submitted.getJsonObject("data").getString("raterEmployeeId"));
        JsonObject closed = new JsonObject(byType.get("org.feedback360.cycle.closed").body()).getJsonObject("data");
        assertEquals(3, closed.getJsonObject("completion").getInteger("submitted"));
        assertEquals(3, closed.getJsonObject("completion").getJsonObject("bySubject").getJsonObject("E-0200")
                .getInteger("submitted"));
        JsonObject published = new JsonObject(byType.get("org.feedback360.report.published").body()).getJsonObject("data");
        assertEquals(report.getJsonObject("data").getString("reportPath"), published.getString("reportPath"));

        await("delivery log", () -> all(s, 5, "DELIVERED"));
        for (Map<String, Object> d : deliveries(s)) {
            assertEquals(1, d.get("attempts"));
            assertEquals(204, d.get("lastStatusCode"));
            assertNotNull(d.get("lastLatencyMs"));
            assertNull(d.get("nextAttemptAt"));
            assertNotNull(d.get("completedAt"));
        }
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("notification_webhook_deliveries_total{outcome=\"delivered\""), "deliveries by outcome");
        for (String queue : List.of("mail", "webhook", "scheduled_message")) { // as the README names them
            assertTrue(metrics.contains("notification_queue_depth{queue=\"" + queue + "\""), "queue depth of " + queue);
        }
        assertTrue(metrics.contains("notification_mail_sends_total{outcome=\"sent\""), "mail outcomes");
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithTheSameIdUntilDelivered() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String flaky = path("flaky");
        String stalling = path("stalling");
        receiver.on(flaky, n -> n <= 2 ? 500 : 200);
        receiver.on(stalling, n -> {
            if (n == 1) {
                Thread.sleep(2500); // longer than the 1 s request timeout
            }
            return 200;
        });
        Subscription a = subscribe(cycle.tenant(), flaky, "cycle.closed");
        Subscription b = subscribe(cycle.tenant(), stalling, "cycle.closed");
        TestEvents.publish(cycle.closed(2, 1));

        await("both delivered", () -> all(a, 1, "DELIVERED") && all(b, 1, "DELIVERED"));
        List<Map<String, Object>> flakyAttempts = attempts(a);
        assertEquals(List.of(500, 500, 200), flakyAttempts.stream().map(t -> t.get("statusCode")).toList());
        List<Map<String, Object>> stallAttempts = attempts(b);
        assertEquals(2, stallAttempts.size());
        assertNull(stallAttempts.get(0).get("statusCode"));
        assertTrue(String.valueOf(stallAttempts.get(0).get("error")).startsWith("timeout"), stallAttempts.toString());
        assertEquals(200, stallAttempts.get(1).get("statusCode"));

        for (String hook : List.of(flaky, stalling)) {
            List<Receiver.Request> sent = receiver.requests(hook);
            assertEquals(1, sent.stream().map(r -> r.header("webhook-id")).distinct().count(), "one message id");
            sent.forEach(r -> assertTrue(verifies(hook.equals(flaky) ? a : b, r)));
        }
    }

    @Test
    void aFailingDeliveryIsDeadLetteredAndRedeliveredOnRequest() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("down");
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.on(hook, n -> up.get() ? 200 : 503);
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.closed");
        TestEvents.publish(cycle.closed(2, 1));

        await("dead-lettered", () -> all(s, 1, "DEAD_LETTERED"));
        Map<String, Object> dead = deliveries(s).get(0);
        assertTrue((Integer) dead.get("attempts") >= 2, dead.toString());
        assertEquals(503, dead.get("lastStatusCode"));
        assertNull(dead.get("nextAttemptAt"));
        int attemptsBefore = receiver.requests(hook).size();
        given().auth().oauth2(s.token()).queryParam("status", "DEAD_LETTERED")
                .get("/api/v1/webhooks/" + s.id() + "/deliveries").then().body("total", equalTo(1));
        given().auth().oauth2(TestTokens.employee("someone-else", "svc").roles("integration").sign())
                .post("/api/v1/webhooks/" + s.id() + "/deliveries/" + dead.get("id") + "/redeliver")
                .then().statusCode(404);

        up.set(true);
        given().auth().oauth2(s.token()).post("/api/v1/webhooks/" + s.id() + "/deliveries/" + dead.get("id") + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await("delivered after redelivery", () -> all(s, 1, "DELIVERED"));
        List<Receiver.Request> sent = receiver.requests(hook);
        assertEquals(attemptsBefore + 1, sent.size());
        assertEquals(sent.get(0).header("webhook-id"), sent.get(sent.size() - 1).header("webhook-id"),
                "a redelivery keeps the message id, so the receiver can tell it is a repeat");
        assertTrue(verifies(s, sent.get(sent.size() - 1)));
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAnotherSubscriber() throws Exception {
        String tenant = TestEvents.cycle().tenant();
        String slow = path("slow");
        String fast = path("fast");
        CountDownLatch release = new CountDownLatch(1);
        receiver.on(slow, n -> {
            release.await(20, TimeUnit.SECONDS);
            return 200;
        });
        Subscription slowSub = subscribe(tenant, slow, "cycle.opened", "cycle.closed");
        Subscription fastSub = subscribe(tenant, fast, "cycle.closed");
        try {
            for (int i = 0; i < 8; i++) {
                TestEvents.Cycle c = new TestEvents.Cycle(tenant, UUID.randomUUID(), "hr@acme.example");
                TestEvents.publish(c.opened(Instant.now().plusSeconds(86400)));
            }
            await("the slow receiver is holding requests", () -> receiver.requests(slow).size() >= 4);
            TestEvents.Cycle closing = new TestEvents.Cycle(tenant, UUID.randomUUID(), "hr@acme.example");
            TestEvents.publish(closing.closed(1, 1));

            await("the fast subscriber's delivery", () -> receiver.requests(fast).size() == 1);
            Instant received = receiver.requests(fast).get(0).at();
            Instant queued = ((java.sql.Timestamp) Db.single(
                    "SELECT created_at FROM webhook_delivery WHERE subscription_id = ?1", UUID.fromString(fastSub.id())))
                    .toInstant();
            Duration wait = Duration.between(queued, received);
            // Queued behind the slow receiver's stalled requests it would wait at least one request timeout (1 s).
            assertTrue(wait.compareTo(Duration.ofMillis(1000)) < 0, "waited " + wait.toMillis() + " ms");
            assertEquals(1, release.getCount(), "the slow receiver was still stalling meanwhile");
            assertFalse(all(slowSub, 9, "DELIVERED"));
        } finally {
            release.countDown();
        }
    }

    @Test
    void oneTenantsSlowReceiversNeverStarveAnotherTenant() throws Exception {
        String slowTenant = TestEvents.cycle().tenant();
        String otherTenant = TestEvents.cycle().tenant();
        String tarpit = path("tarpit");
        String prompt = path("prompt");
        CountDownLatch release = new CountDownLatch(1);
        receiver.on(tarpit, n -> {
            release.await(3, TimeUnit.SECONDS); // past the 1 s request timeout
            return 200;
        });
        // 16 subscriptions may hold 16 x 4 = 64 attempts: every slot of the instance.
        for (int i = 0; i < 16; i++) {
            subscribe(slowTenant, tarpit, "cycle.opened");
        }
        subscribe(otherTenant, prompt, "cycle.opened");
        int share = 64 / 4;
        try {
            for (int i = 0; i < 8; i++) { // 128 deliveries: a backlog that outlasts several timeouts
                TestEvents.publish(new TestEvents.Cycle(slowTenant, UUID.randomUUID(), "hr@acme.example")
                        .opened(Instant.now().plusSeconds(86400)));
            }
            await("the slow tenant's receivers are holding its share", () -> sending(slowTenant) >= share);
            TestEvents.publish(new TestEvents.Cycle(otherTenant, UUID.randomUUID(), "hr@acme.example")
                    .opened(Instant.now().plusSeconds(86400)));

            long peak = 0;
            Instant until = Instant.now().plusSeconds(30);
            while (receiver.requests(prompt).isEmpty() && Instant.now().isBefore(until)) {
                peak = Math.max(peak, sending(slowTenant));
                sleep(20);
            }
            assertEquals(1, receiver.requests(prompt).size(), "the other tenant's delivery arrived");
            Instant queued = ((java.sql.Timestamp) Db.single(
                    "SELECT created_at FROM webhook_delivery WHERE tenant = ?1", otherTenant)).toInstant();
            Duration wait = Duration.between(queued, receiver.requests(prompt).get(0).at());
            // Behind the slow tenant's stalled attempts it would wait for their 1 s timeouts, and
            // then behind the older rest of its backlog.
            assertTrue(wait.compareTo(Duration.ofMillis(1000)) < 0, "waited " + wait.toMillis() + " ms");
            for (int i = 0; i < 50; i++) {
                peak = Math.max(peak, sending(slowTenant));
                sleep(20);
            }
            assertTrue(peak <= share, "the slow tenant had " + peak + " attempts in flight, its share is " + share);
        } finally {
            release.countDown();
        }
    }

    private static long sending(String tenant) {
        return Db.count("SELECT count(*) FROM webhook_delivery WHERE tenant = ?1 AND status = 'SENDING'", tenant);
    }

    @Test
    void theDeadlineOfAnAttemptCoversTheHostNameLookup() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("stalling-dns");
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.closed");
        // Its host name now takes longer to resolve (3 s) than a whole attempt may take (1 s).
        Db.update("UPDATE webhook_subscription SET url = ?1 WHERE id = ?2",
                receiver.url(hook).replace("127.0.0.1", "hooks." + StallingNameServer.DOMAIN), UUID.fromString(s.id()));
        TestEvents.publish(cycle.closed(1, 1));

        await("the first attempt", () -> !attempts(s).isEmpty());
        Map<String, Object> first = attempts(s).get(0);
        assertEquals("timeout: the host name did not resolve within 1000 ms", first.get("error"), first.toString());
        assertTrue((Integer) first.get("latencyMs") < 1500, "recorded after " + first.get("latencyMs") + " ms");
        await("dead-lettered", () -> all(s, 1, "DEAD_LETTERED"));
        sleep(StallingNameServer.STALL.toMillis()); // the last lookup returns
        assertEquals(List.of(), receiver.requests(hook), "nothing is sent once the attempt's time is up");
    }

    @Test
    void aRedeliveryStartsItsBackoffOverAndNeedsAnActiveSubscription() throws Exception {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("still-down");
        receiver.on(hook, n -> 503);
        // Two subscriptions of four deliveries each: one claim takes all eight (four per subscription).
        List<Subscription> subs = List.of(
                subscribe(cycle.tenant(), hook, "cycle.opened", "cycle.closed", "cycle.released"),
                subscribe(cycle.tenant(), hook, "cycle.opened", "cycle.closed", "cycle.released"));
        Subscription s = subs.get(0);
        TestEvents.publish(cycle.opened(Instant.now().plusSeconds(86400)));
        TestEvents.publish(cycle.closed(1, 1));
        TestEvents.publish(cycle.released());
        TestEvents.publish(new TestEvents.Cycle(cycle.tenant(), UUID.randomUUID(), "hr@acme.example")
                .opened(Instant.now().plusSeconds(86400)));
        await("dead-lettered", () -> subs.stream().allMatch(sub -> all(sub, 4, "DEAD_LETTERED")));
        Object first = deliveries(s).get(0).get("id");

        given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("status", "PAUSED"))
                .patch("/api/v1/webhooks/" + s.id()).then().statusCode(200);
        given().auth().oauth2(s.token()).post("/api/v1/webhooks/" + s.id() + "/deliveries/" + first + "/redeliver")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://feedback360.org/problems/subscription-not-active"))
                .body("detail", containsString("PAUSED"));
        assertEquals("DEAD_LETTERED", delivery(s, first).get("status"), "left as it was");
        Db.update("UPDATE webhook_subscription SET status = 'DISABLED' WHERE id = ?1", UUID.fromString(s.id()));
        given().auth().oauth2(s.token()).post("/api/v1/webhooks/" + s.id() + "/deliveries/" + first + "/redeliver")
                .then().statusCode(409).body("detail", containsString("DISABLED"));
        given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/webhooks/" + s.id()).then().statusCode(200);

        // Each delivery failed several times, so its next retry could wait up to the 1 s ceiling;
        // after a redelivery the first retry waits at most the initial 200 ms.
        scheduler.pause(DeliveryWorker.JOB);
        try {
            sleep(1000); // a run that had started finishes
            for (Subscription sub : subs) {
                deliveries(sub).forEach(d -> given().auth().oauth2(sub.token())
                        .post("/api/v1/webhooks/" + sub.id() + "/deliveries/" + d.get("id") + "/redeliver")
                        .then().statusCode(202));
            }
            // Other tests' due deliveries may be claimed too: they are sent like ours.
            for (CompletableFuture<?> attempt : worker.dispatch(queue.claim(100)).stream()
                    .map(java.util.concurrent.CompletionStage::toCompletableFuture).toList()) {
                attempt.get(10, TimeUnit.SECONDS);
            }
            for (Subscription sub : subs) {
                for (Map<String, Object> d : deliveries(sub)) {
                    List<Map<String, Object>> attempts = (List<Map<String, Object>>) detail(sub, d.get("id")).get("attempts");
                    Map<String, Object> last = attempts.get(attempts.size() - 1);
                    assertTrue(attempts.size() >= 3, "failed attempts before the redelivery and one after it: " + attempts);
                    assertEquals(503, last.get("statusCode"));
                    assertEquals("PENDING", d.get("status"));
                    Instant failed = OffsetDateTime.parse((String) last.get("startedAt")).toInstant()
                            .plusMillis((Integer) last.get("latencyMs"));
                    Duration backoff = Duration.between(failed, OffsetDateTime.parse((String) d.get("nextAttemptAt")).toInstant());
                    assertTrue(backoff.toMillis() <= 200 + 150, "first retry after a redelivery waits " + backoff.toMillis() + " ms");
                }
            }
        } finally {
            scheduler.resume(DeliveryWorker.JOB);
        }
    }

    @Test
    void aTenantsSubscriptionNeverReceivesAnotherTenantsEvents() {
        TestEvents.Cycle ours = TestEvents.cycle();
        TestEvents.Cycle theirs = TestEvents.cycle();
        String[] types = {"cycle.opened", "cycle.closed", "cycle.released", "assignment.submitted", "report.published"};
        String ourHook = path("our-portal");
        String theirHook = path("their-portal");
        Subscription our = subscribe(ours.tenant(), ourHook, types);
        subscribe(theirs.tenant(), theirHook, types);
        List<JsonObject> theirEvents = List.of(theirs.opened(Instant.now().plusSeconds(86400)),
                theirs.assignment("E-0201", "Fay Follower", "de").submitted(), theirs.closed(1, 1), theirs.released(),
                TestEvents.reportPublished(theirs.tenant(), "E-0200", "Leo Leader", "leo@acme.example", "en"));
        theirEvents.forEach(TestEvents::publish);
        JsonObject ourEvent = ours.closed(1, 1);
        TestEvents.publish(ourEvent);

        await("both portals served", () -> receiver.requests(theirHook).size() == 5 && receiver.requests(ourHook).size() == 1);
        sleep(1500); // a wrongly queued delivery would go out by now
        assertEquals(List.of(ourEvent.getString("id")), receiver.requests(ourHook).stream()
                .map(r -> r.header("webhook-id")).toList());
        assertEquals(ours.tenant(), new JsonObject(receiver.requests(ourHook).get(0).body()).getString("tenant"));
        assertEquals(Set.of(theirs.tenant()), receiver.requests(theirHook).stream()
                .map(r -> new JsonObject(r.body()).getString("tenant")).collect(Collectors.toSet()));
        assertEquals(1, deliveries(our).size(), "nothing of the other tenant was even queued");
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("rotated");
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.closed", "cycle.released");
        given().auth().oauth2(TestTokens.employee("someone-else", "svc").roles("integration").sign())
                .post("/api/v1/webhooks/" + s.id() + "/rotate-secret").then().statusCode(404);
        String rotated = given().auth().oauth2(s.token()).post("/api/v1/webhooks/" + s.id() + "/rotate-secret")
                .then().statusCode(200).body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        assertFalse(rotated.equals(s.secret()));

        TestEvents.publish(cycle.closed(1, 1));
        await("delivery during the overlap", () -> receiver.requests(hook).size() == 1);
        Receiver.Request during = receiver.requests(hook).get(0);
        assertEquals(2, during.header("webhook-signature").split(" ").length, during.header("webhook-signature"));
        assertTrue(StandardWebhooksVerifier.verify(rotated, during));
        assertTrue(StandardWebhooksVerifier.verify(s.secret(), during), "receivers not switched yet still verify");

        Db.update("UPDATE webhook_subscription SET previous_secret_until = now() - interval '1 second' WHERE id = ?1",
                UUID.fromString(s.id()));
        TestEvents.publish(cycle.released());
        await("delivery after the overlap", () -> receiver.requests(hook).size() == 2);
        Receiver.Request after = receiver.requests(hook).get(1);
        assertTrue(StandardWebhooksVerifier.verify(rotated, after));
        assertFalse(StandardWebhooksVerifier.verify(s.secret(), after), "the old secret no longer signs");
    }

    @Test
    void finishedDeliveriesLeaveTheLogAfterTheRetention() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        Subscription s = subscribe(cycle.tenant(), path("kept"), "cycle.closed", "cycle.released");
        TestEvents.publish(cycle.closed(1, 1));
        await("first delivered", () -> all(s, 1, "DELIVERED"));
        Object old = deliveries(s).get(0).get("id");
        Db.update("UPDATE webhook_delivery SET completed_at = now() - interval '31 days' WHERE subscription_id = ?1",
                UUID.fromString(s.id()));
        TestEvents.publish(cycle.released());
        await("second delivered", () -> all(s, 2, "DELIVERED"));

        retention.purgeAll();
        List<Map<String, Object>> left = deliveries(s);
        assertEquals(1, left.size());
        assertEquals("cycle.released", left.get(0).get("eventType"));
        assertEquals(0, Db.count("SELECT count(*) FROM webhook_attempt WHERE delivery_id = ?1", UUID.fromString(
                old.toString())), "its attempts went with it");
    }

    @Test
    void redirectsAreNeverFollowed() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("redirect");
        receiver.on(hook, n -> 307);
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.closed");
        TestEvents.publish(cycle.closed(1, 1));

        await("dead-lettered", () -> all(s, 1, "DEAD_LETTERED"));
        assertEquals(307, deliveries(s).get(0).get("lastStatusCode"));
        assertEquals(List.of(), receiver.requests(hook + "/moved"), "the redirect target was never called");
    }

    @Test
    void theSameEventConsumedTwiceIsDeliveredOnce() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("once");
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.closed", "assignment.submitted");
        JsonObject closed = cycle.closed(1, 1);
        JsonObject submitted = cycle.assignment("E-0201", "Fay", "de").submitted();
        TestEvents.publish(closed);
        TestEvents.publish(submitted);
        TestEvents.publish(closed);
        TestEvents.publish(submitted);

        await("delivered", () -> all(s, 2, "DELIVERED"));
        sleep(1500);
        assertEquals(2, receiver.requests(hook).size());
        assertEquals(Set.of(closed.getString("id"), submitted.getString("id")),
                receiver.requests(hook).stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet()));
        // Below the consumer's processed_event check, the queue itself refuses a second row.
        int again = QuarkusTransaction.requiringNew().call(() -> webhookQueue.enqueue(cycle.tenant(),
                UUID.fromString(closed.getString("id")), EventType.CYCLE_CLOSED, cycle.cycleId().toString(),
                closed.getString("time"), new JsonObject()));
        assertEquals(0, again);
    }

    @Test
    void theUrlIsCheckedAgainBeforeEverySend() {
        Receiver internal = Receiver.start("127.0.0.2");
        try {
            TestEvents.Cycle cycle = TestEvents.cycle();
            Subscription s = subscribe(cycle.tenant(), path("moved"), "cycle.closed");
            // Its host name now resolves to an internal address (simulated: the stored URL points there).
            Db.update("UPDATE webhook_subscription SET url = ?1 WHERE id = ?2", internal.url("/internal"),
                    UUID.fromString(s.id()));
            TestEvents.publish(cycle.closed(1, 1));

            await("dead-lettered", () -> all(s, 1, "DEAD_LETTERED"));
            assertEquals("refused by the URL policy: 127.0.0.2 is a loopback address", deliveries(s).get(0).get("lastError"));
            assertEquals(List.of(), internal.requests("/internal"), "nothing reached the internal address");
        } finally {
            internal.close();
        }
    }

    @Test
    void aReceiverAnswering410DisablesItsSubscription() {
        TestEvents.Cycle cycle = TestEvents.cycle();
        String hook = path("gone");
        receiver.on(hook, n -> 410);
        Subscription s = subscribe(cycle.tenant(), hook, "cycle.closed", "cycle.released");
        TestEvents.publish(cycle.closed(1, 1));

        await("disabled", () -> "DISABLED".equals(given().auth().oauth2(s.token()).get("/api/v1/webhooks/" + s.id())
                .then().extract().path("status")));
        assertEquals("DEAD_LETTERED", deliveries(s).get(0).get("status"));
        assertEquals(1, receiver.requests(hook).size(), "not retried");
        given().auth().oauth2(s.token()).get("/api/v1/webhooks/" + s.id()).then()
                .body("disabledReason", equalTo("The receiver answered 410 Gone"));

        TestEvents.publish(cycle.released());
        await("the release event applied", () -> "RELEASED".equals(Db.single(
                "SELECT state FROM known_cycle WHERE cycle_id = ?1", cycle.cycleId())));
        assertEquals(1, deliveries(s).size(), "a disabled subscription queues nothing");
        given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/webhooks/" + s.id()).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("disabledReason", equalTo(null));
    }

    @Test
    void twoWorkersClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
        TestEvents.Cycle cycle = TestEvents.cycle();
        List<String> hooks = List.of(path("c1"), path("c2"), path("c3"));
        List<Subscription> subs = hooks.stream().map(h -> subscribe(cycle.tenant(), h, "cycle.opened", "cycle.closed",
                "cycle.released")).toList();
        scheduler.pause(DeliveryWorker.JOB);
        try {
            sleep(1000); // a run that had started finishes
            TestEvents.publish(cycle.opened(Instant.now().plusSeconds(86400)));
            TestEvents.publish(cycle.closed(1, 1));
            TestEvents.publish(cycle.released());
            for (int i = 0; i < 2; i++) { // more events of the same tenant
                TestEvents.publish(new TestEvents.Cycle(cycle.tenant(), UUID.randomUUID(), "hr@acme.example")
                        .opened(Instant.now().plusSeconds(86400)));
            }
            Set<UUID> ids = subs.stream().map(s -> UUID.fromString(s.id())).collect(Collectors.toSet());
            await("15 deliveries queued", () -> subs.stream().mapToInt(s -> deliveries(s).size()).sum() == 15);

            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<List<DeliveryQueue.Claimed>> one = CompletableFuture.supplyAsync(() -> claim(start));
            CompletableFuture<List<DeliveryQueue.Claimed>> two = CompletableFuture.supplyAsync(() -> claim(start));
            // Other tests' due deliveries may be claimed too: they are sent below like ours.
            List<DeliveryQueue.Claimed> first = one.get().stream().filter(c -> ids.contains(c.subscriptionId())).toList();
            List<DeliveryQueue.Claimed> second = two.get().stream().filter(c -> ids.contains(c.subscriptionId())).toList();

            Set<UUID> overlap = first.stream().map(DeliveryQueue.Claimed::id).collect(Collectors.toCollection(HashSet::new));
            overlap.retainAll(second.stream().map(DeliveryQueue.Claimed::id).toList());
            assertEquals(Set.of(), overlap, "a delivery claimed by both workers");
            Map<UUID, Long> perSubscription = java.util.stream.Stream.concat(first.stream(), second.stream())
                    .collect(Collectors.groupingBy(DeliveryQueue.Claimed::subscriptionId, Collectors.counting()));
            assertEquals(Map.of(), perSubscription.entrySet().stream().filter(e -> e.getValue() != 4)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    "four in flight per subscription, together: " + perSubscription);

            for (CompletableFuture<?> sent : java.util.stream.Stream.concat(worker.dispatch(one.get()).stream(),
                    worker.dispatch(two.get()).stream()).map(java.util.concurrent.CompletionStage::toCompletableFuture).toList()) {
                sent.get(10, TimeUnit.SECONDS);
            }
        } finally {
            scheduler.resume(DeliveryWorker.JOB);
        }
        await("all delivered", () -> subs.stream().allMatch(s -> all(s, 5, "DELIVERED")));
        sleep(1000);
        for (String hook : hooks) {
            List<String> messageIds = receiver.requests(hook).stream().map(r -> r.header("webhook-id")).toList();
            assertEquals(5, messageIds.size(), hook + " got " + messageIds);
            assertEquals(5, Set.copyOf(messageIds).size(), "each event once");
        }
    }

    private List<DeliveryQueue.Claimed> claim(CyclicBarrier start) {
        try {
            start.await();
            return queue.claim(100);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> attempts(Subscription s) {
        return (List<Map<String, Object>>) detail(s, deliveries(s).get(0).get("id")).get("attempts");
    }

    private static boolean verifies(Subscription s, Receiver.Request r) {
        try {
            return StandardWebhooksVerifier.verify(s.secret(), r);
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
