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
 * submission is counted exactly once in the released reports; after a notification-service
 * crash every rater holds exactly one invitation and every subject one report-ready mail.
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
        String name = "fault Kafka down 30 s";
        reviews.run(name, () -> {
            PlatformControl.stop("kafka");
            Org.sleep(Duration.ofSeconds(30));
            PlatformControl.start("kafka");
        });
        LoadedReview.completed(name);
    }

    @Test
    @Order(2)
    void scoringServiceKilledMidStreamAndRestarted() {
        String name = "fault scoring-service SIGKILL";
        reviews.run(name, () -> {
            PlatformControl.kill("scoring-service");
            Org.sleep(Duration.ofSeconds(5));
            PlatformControl.start("scoring-service");
        });
        LoadedReview.completed(name);
    }

    @Test
    @Order(3)
    void postgresRestarted() {
        String name = "fault PostgreSQL restart";
        reviews.run(name, () -> PlatformControl.restart("postgres"));
        LoadedReview.completed(name);
    }

    @Test
    @Order(4)
    void notificationServiceKilledWhileTheInvitationsArePrepared() {
        // Killed right after the cycle opened: the invitations of its raters are being collected
        // into rounds and sent. None may be lost with the process, none sent twice after it.
        notificationServiceKilled("fault notification-service SIGKILL at opening", LoadedReview.When.AT_OPENING);
    }

    @Test
    @Order(5)
    void notificationServiceKilledMidStream() {
        // Killed while submissions stream in (the invitations went out before): coming back, it
        // must not send any invitation again, and must still tell every subject once about the report.
        notificationServiceKilled("fault notification-service SIGKILL mid-stream", LoadedReview.When.MID_STREAM);
    }

    private static void notificationServiceKilled(String name, LoadedReview.When when) {
        Review review = reviews.run(name, when, () -> {
            PlatformControl.kill("notification-service");
            Org.sleep(Duration.ofSeconds(5));
            PlatformControl.start("notification-service");
        });
        long raters = review.acknowledged().stream().map(a -> a.assignment().raterLabel()).distinct().count();
        long wrongInvitations = reviews.ratersWithoutExactlyOneInvitation(review);
        long wrongReportMails = reviews.subjectsWithoutExactlyOneReportMail(review);
        Summary.record(name + ": raters with lost or double invitations", raters, wrongInvitations);
        Summary.record(name + ": subjects with lost or double report-ready mails", reviews.subjects.size(), wrongReportMails);
        assertEquals(0, wrongInvitations, "every rater got the invitation exactly once, although the service died");
        assertEquals(0, wrongReportMails, "every subject was told exactly once that the report is ready");
        LoadedReview.completed(name);
    }

    @Test
    @Order(6)
    void aWebhookReceiverDownForAWhileGetsEveryEventOnceItIsBack() {
        try (WebhookReceiver portal = new WebhookReceiver().subscribe(List.of("assignment.submitted"))) {
            String name = "fault webhook receiver down 20 s";
            Review review = reviews.run(name, () -> {
                portal.goDown();
                Org.sleep(Duration.ofSeconds(20));
                portal.comeBack();
            });
            int expected = review.acknowledged().size();
            Predicate<WebhookReceiver.Delivery> ofThisCycle = d -> review.id().equals(d.cycleId());
            List<WebhookReceiver.Delivery> got = portal.awaitUpTo(ofThisCycle, expected, Duration.ofSeconds(120));
            long distinct = got.stream().map(WebhookReceiver.Delivery::id).distinct().count();
            long unsigned = got.stream().filter(d -> !d.signatureValid()).count();
            Summary.record("fault webhook receiver down: events lost, unsigned or extra", expected,
                    Math.abs(expected - distinct) + unsigned);
            assertEquals(expected, distinct, "one assignment.submitted event per acknowledged submission");
            assertEquals(0, unsigned);
            LoadedReview.completed(name);
        }
    }
}
