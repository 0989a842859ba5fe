package org.feedback360.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out on one machine, as replicas run on Kubernetes: a second scoring-service and a second
 * notification-service join the first ones' consumer groups and share their databases. Under a
 * steady stream of submissions one instance of each is killed (SIGKILL, no goodbye to the
 * group); the survivors take over its partitions and queues. Every report must come out right,
 * every invitation and report-ready mail must arrive exactly once, and every webhook event
 * must arrive (at least once, under one webhook-id, as Standard Webhooks define it).
 */
class ScaleOutIT {

    static final String SCORING_2 = "scoring-service-2";
    static final String NOTIFICATION_2 = "notification-service-2";
    /**
     * Webhook attempts that may be in flight for one subscription at once, across all instances
     * (notification-service README: {@code WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION}, default 4; the
     * launcher keeps the default). Only those can be sent by the killed instance without it
     * recording the answer, so only those may go out again.
     */
    static final int MAX_IN_FLIGHT_PER_SUBSCRIPTION = 4;
    static final String NAME = "scale-out: 1 of 2 scoring + notification SIGKILL";
    static LoadedReview reviews;

    @BeforeAll
    static void secondInstancesJoinTheGroups() {
        reviews = LoadedReview.organisationOfThirtyOne();
        PlatformControl.start(SCORING_2);
        PlatformControl.start(NOTIFICATION_2);
    }

    @AfterAll
    static void secondInstancesLeave() {
        PlatformControl.stop(SCORING_2);
        PlatformControl.stop(NOTIFICATION_2);
    }

    @Test
    void twoInstancesOfEachConsumerOneKilledMidLoad() {
        try (WebhookReceiver portal = new WebhookReceiver().subscribe(List.of("assignment.submitted", "report.published"))) {
            Review review = reviews.run(NAME, () -> {
                // Both instances of each service must really hold partitions before one dies,
                // or the test would prove nothing about sharing the work.
                assertTrue(assignedPartitions(8082) > 0 && assignedPartitions(8092) > 0, "both scoring instances consume");
                assertTrue(assignedPartitions(8083) > 0 && assignedPartitions(8093) > 0, "both notification instances consume");
                PlatformControl.kill(SCORING_2);
                PlatformControl.kill(NOTIFICATION_2);
            });

            long raters = review.acknowledged().stream().map(a -> a.assignment().raterLabel()).distinct().count();
            long wrongInvitations = reviews.ratersWithoutExactlyOneInvitation(review);
            long wrongReportMails = reviews.subjectsWithoutExactlyOneReportMail(review);
            Summary.record("scale-out: raters with lost or double invitations", raters, wrongInvitations);
            Summary.record("scale-out: subjects with lost or double report-ready mails", reviews.subjects.size(), wrongReportMails);

            Predicate<WebhookReceiver.Delivery> ofThisCycle = d -> review.id().equals(d.cycleId());
            int submitted = review.acknowledged().size();
            int expected = submitted + reviews.subjects.size();
            portal.awaitUpTo(ofThisCycle, expected, Duration.ofSeconds(120));
            Org.sleep(Duration.ofSeconds(5)); // anything extra that was still on its way
            List<WebhookReceiver.Delivery> got = portal.deliveries(ofThisCycle);
            WebhookCount count = WebhookCount.of(got);
            System.out.println("scale-out: " + got.size() + " webhook deliveries of " + count.events() + " events, "
                    + count.repeats() + " repeated a webhook-id already delivered");
            Summary.record("scale-out: webhook events lost", expected, Math.max(0, expected - count.events()));
            Summary.record("scale-out: webhook deliveries repeated (at-least-once, at most "
                    + MAX_IN_FLIGHT_PER_SUBSCRIPTION + " allowed)", got.size(), count.repeats());
            Summary.record("scale-out: webhook events under two ids, or an id with two bodies", count.events(),
                    count.eventsUnderSeveralIds() + count.idsWithSeveralBodies());

            assertEquals(0, wrongInvitations, "every rater invited exactly once");
            assertEquals(0, wrongReportMails, "every subject told exactly once that the report is ready");
            assertEquals(Map.of("org.feedback360.assignment.submitted", (long) submitted,
                            "org.feedback360.report.published", (long) reviews.subjects.size()),
                    count.idsPerType(), "every webhook event delivered, one id each");
            // Webhooks are at-least-once (Standard Webhooks): the killed instance may have sent
            // attempts whose answers it never recorded; those go out again under the same
            // webhook-id and body, and receivers deduplicate by the id. Nothing else may repeat.
            assertTrue(count.repeats() <= MAX_IN_FLIGHT_PER_SUBSCRIPTION,
                    count.repeats() + " repeats, but at most " + MAX_IN_FLIGHT_PER_SUBSCRIPTION + " attempts can be in flight");
            assertEquals(0, count.idsWithSeveralBodies(), "a repeat carries the same body as the first delivery");
            assertEquals(0, count.eventsUnderSeveralIds(), "an event goes out again only under its own webhook-id");
            assertEquals(0, got.stream().filter(d -> !d.signatureValid()).count(), "every delivery is signed");
            Summary.journeyCompleted(NAME);
        }
    }

    /** Deliveries counted by webhook-id, by event and by body. */
    record WebhookCount(long events, long repeats, long idsWithSeveralBodies, long eventsUnderSeveralIds,
                        Map<String, Long> idsPerType) {
        static WebhookCount of(List<WebhookReceiver.Delivery> got) {
            Map<String, Set<String>> bodiesById = new TreeMap<>();
            Map<String, Set<String>> idsByEvent = new TreeMap<>();
            for (WebhookReceiver.Delivery d : got) {
                bodiesById.computeIfAbsent(d.id(), i -> new TreeSet<>()).add(d.body());
                idsByEvent.computeIfAbsent(d.eventId(), e -> new TreeSet<>()).add(d.id());
            }
            Map<String, Long> perType = got.stream().collect(Collectors.groupingBy(WebhookReceiver.Delivery::type,
                    Collectors.mapping(WebhookReceiver.Delivery::id,
                            Collectors.collectingAndThen(Collectors.toSet(), ids -> (long) ids.size()))));
            return new WebhookCount(bodiesById.size(), got.size() - bodiesById.size(),
                    bodiesById.values().stream().filter(b -> b.size() > 1).count(),
                    idsByEvent.values().stream().filter(i -> i.size() > 1).count(), perType);
        }
    }

    /**
     * Partitions the instance's Kafka consumers hold, from the Kafka client metrics Micrometer
     * publishes ({@code kafka_consumer_coordinator_assigned_partitions}, one line per consumer).
     */
    private static double assignedPartitions(int port) {
        String metrics = given().baseUri("http://127.0.0.1:" + port).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(l -> l.startsWith("kafka_consumer_coordinator_assigned_partitions{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
