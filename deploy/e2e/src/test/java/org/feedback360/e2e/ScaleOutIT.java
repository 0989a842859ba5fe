package org.feedback360.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            Review review = reviews.run("scale-out: 1 of 2 scoring + notification SIGKILL", () -> {
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
            List<WebhookReceiver.Delivery> got = portal.await(ofThisCycle, expected, Duration.ofSeconds(120));
            Org.sleep(Duration.ofSeconds(5)); // anything extra that was still on its way
            got = portal.deliveries(ofThisCycle);
            // Webhooks are at-least-once by design (Standard Webhooks): a delivery whose answer was
            // lost with the instance that sent it goes out again under the same webhook-id, and
            // receivers deduplicate by that id. So each event must arrive, once per id; repeats of
            // an id are counted and shown, not failed.
            Map<String, Long> perType = got.stream().collect(Collectors.groupingBy(WebhookReceiver.Delivery::type,
                    Collectors.mapping(WebhookReceiver.Delivery::id, Collectors.collectingAndThen(Collectors.toSet(), ids -> (long) ids.size()))));
            long repeats = got.size() - got.stream().map(WebhookReceiver.Delivery::id).distinct().count();
            System.out.println("scale-out: " + got.size() + " webhook deliveries, " + repeats + " repeated an id already delivered");
            Summary.record("scale-out: webhook events lost", expected,
                    Math.max(0, expected - perType.values().stream().mapToLong(Long::longValue).sum()));

            assertEquals(0, wrongInvitations, "every rater invited exactly once");
            assertEquals(0, wrongReportMails, "every subject told exactly once that the report is ready");
            assertEquals(Map.of("org.feedback360.assignment.submitted", (long) submitted,
                            "org.feedback360.report.published", (long) reviews.subjects.size()),
                    perType, "every webhook event delivered, one id each");
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
