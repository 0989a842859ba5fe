package org.feedback360.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Faults under a steady stream of submissions (see {@link LoadedReview}): Kafka stopped, a
 * service killed, PostgreSQL restarted, a webhook receiver gone. After each, every acknowledged
 * submission is counted exactly once in the released reports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static LoadedReview reviews;

    @BeforeAll
    static void anOrganisationOfThirtyOne() {
        reviews = LoadedReview.organisationOfThirtyOne();
    }

    @Test
    @Order(1)
    void kafkaStoppedForThirtySecondsAndRestarted() {
        reviews.run("fault Kafka down 30 s", () -> {
            PlatformControl.stop("kafka");
            Org.sleep(Duration.ofSeconds(30));
            PlatformControl.start("kafka");
        });
    }

    @Test
    @Order(2)
    void scoringServiceKilledMidStreamAndRestarted() {
        reviews.run("fault scoring-service SIGKILL", () -> {
            PlatformControl.kill("scoring-service");
            Org.sleep(Duration.ofSeconds(5));
            PlatformControl.start("scoring-service");
        });
    }

    @Test
    @Order(3)
    void postgresRestarted() {
        reviews.run("fault PostgreSQL restart", () -> PlatformControl.restart("postgres"));
    }

    @Test
    @Order(4)
    void notificationServiceKilledAndRestarted() {
        // Killed while the invitations of the cycle that just opened are being prepared and sent.
        Review review = reviews.run("fault notification-service SIGKILL", LoadedReview.When.AT_OPENING, () -> {
            PlatformControl.kill("notification-service");
            Org.sleep(Duration.ofSeconds(5));
            PlatformControl.start("notification-service");
        });
        long wrong = reviews.ratersWithoutExactlyOneInvitation(review);
        Summary.record("fault notification-service SIGKILL: raters with lost or double invitations",
                review.acknowledged().stream().map(a -> a.assignment().raterLabel()).distinct().count(), wrong);
        assertEquals(0, wrong, "every rater got the invitation exactly once, although the service died in the middle");
    }

    @Test
    @Order(5)
    void aWebhookReceiverDownForAWhileGetsEveryEventOnceItIsBack() {
        try (WebhookReceiver portal = new WebhookReceiver().subscribe(List.of("assignment.submitted"))) {
            Review review = reviews.run("fault webhook receiver down 20 s", () -> {
                portal.goDown();
                Org.sleep(Duration.ofSeconds(20));
                portal.comeBack();
            });
            int expected = review.acknowledged().size();
            Predicate<WebhookReceiver.Delivery> ofThisCycle = d -> review.id().equals(d.cycleId());
            List<WebhookReceiver.Delivery> got = portal.await(ofThisCycle, expected, Duration.ofSeconds(120));
            long distinct = got.stream().map(WebhookReceiver.Delivery::id).distinct().count();
            long unsigned = got.stream().filter(d -> !d.signatureValid()).count();
            Summary.record("fault webhook receiver down: events lost, unsigned or extra", expected,
                    Math.abs(expected - distinct) + unsigned);
            assertEquals(expected, distinct, "one assignment.submitted event per acknowledged submission");
            assertEquals(0, unsigned);
        }
    }
}
