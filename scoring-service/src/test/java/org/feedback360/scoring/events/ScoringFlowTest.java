package org.feedback360.scoring.events;

import org.feedback360.testsupport.EventContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.rebuild.Rebuild;
import org.feedback360.scoring.rebuild.RebuildSummary;
import org.feedback360.scoring.report.ReportPublisher;
import org.feedback360.scoring.support.Api;
import org.feedback360.scoring.support.Kafka;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestEvents.CycleSpec;
import org.feedback360.scoring.support.TestTopics;
import org.feedback360.scoring.support.WorkedExample;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service end to end through real Kafka and PostgreSQL: SCORING.md's worked example arrives
 * as events (a response before its cycle, revisions, a stale revision arriving late, the last
 * response after the release), is frozen into a report, and announced on scoring.reports. A
 * second run of the same events, disturbed by redeliveries and by a consumer of the service's
 * group that dies mid-stream after applying records it never committed, yields the very same
 * report, every event counted once.
 *
 * <p>How the restart is made real: SmallRye Reactive Messaging offers no way to stop and recreate
 * a channel's consumer inside a running application (KafkaClientService hands out the consumer to
 * pause, seek or commit, not to restart), and a second application instance cannot run inside a
 * {@code @QuarkusTest}. So the dying instance is a plain Kafka consumer that joins the service's
 * own consumer group, takes the leader's partition from the application by a real rebalance,
 * applies what it polls with the application's own code (FeedbackConsumer, the method the channel
 * calls), and crashes: closed without committing and without leaving the group, as a killed
 * process would. Once the broker's session timeout expires, the group rebalances and the
 * application's consumer resumes that partition from the last committed offset, receiving again
 * the records the dead member had applied: exactly what a crashed and restarted instance leaves.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ScoringFlowTest {

    static final String LEADER = "E-0200";
    static final String NOBODY = "E-0300";
    static final Duration WAIT = Duration.ofSeconds(60);

    static {
        Api.configure();
    }

    @Inject
    KafkaClientService kafkaClients;
    @Inject
    FeedbackConsumer consumer;
    @Inject
    MeterRegistry metrics;
    @Inject
    DataSource dataSource;
    @Inject
    Rebuild rebuild;

    /** One cycle's events, in the order a test sends them. */
    record Stream(CycleSpec cycle, ObjectNode self, ObjectNode opened, List<ObjectNode> beforeClose, ObjectNode peer1,
                  ObjectNode closed, ObjectNode released, ObjectNode late) {

        static Stream of(String tenant) {
            CycleSpec cycle = new CycleSpec(tenant, UUID.randomUUID(), "Autumn review",
                    TestEvents.workedExampleDefinition(), List.of(new TestEvents.Subject(LEADER, "Leo Leader", "en"),
                    new TestEvents.Subject(NOBODY, "Nora Nobody", "de")), 3, true);
            List<Object[]> raters = WorkedExample.RATERS;
            List<ObjectNode> beforeClose = new ArrayList<>();
            beforeClose.add(response(cycle, raters.get(1), 1));                                   // manager
            beforeClose.add(response(cycle, new Object[] {"dr1", "DIRECT_REPORT", new Integer[] {1, 1, 5, 1, 1}}, 1));
            beforeClose.add(response(cycle, raters.get(2), 2));                                   // dr1 revised
            beforeClose.add(response(cycle, raters.get(3), 1));                                   // dr2
            beforeClose.add(response(cycle, raters.get(4), 1));                                   // dr3
            beforeClose.add(response(cycle, raters.get(7), 2));                                   // peer2 revision 2 ...
            beforeClose.add(response(cycle, new Object[] {"peer2", "PEER", new Integer[] {1, 1, 5, 1, 1}}, 1)); // ... overtaken by a stale revision 1
            ObjectNode self = response(cycle, raters.get(0), 1);
            ObjectNode peer1 = response(cycle, raters.get(6), 1);
            ObjectNode late = response(cycle, raters.get(5), 1);                                   // dr4, after the release
            List<ObjectNode> responses = new ArrayList<>(beforeClose);
            responses.addAll(List.of(self, peer1, late));
            // As feedback-service counts them at the close: 8 raters about the leader, latest revisions summing to 10.
            Map<String, TestEvents.Counts> completion = TestEvents.completionOf(responses);
            return new Stream(cycle, self, TestEvents.cycleEvent("CycleOpened", cycle, Map.of()), beforeClose, peer1,
                    TestEvents.cycleEvent("CycleClosed", cycle, completion),
                    TestEvents.cycleEvent("CycleReleased", cycle, completion), late);
        }

        private static ObjectNode response(CycleSpec cycle, Object[] rater, int revision) {
            return WorkedExample.response(cycle.tenant(), cycle.cycleId(), LEADER, rater, revision);
        }

        List<ObjectNode> all() {
            List<ObjectNode> all = new ArrayList<>(List.of(self, opened));
            all.addAll(beforeClose);
            all.addAll(List.of(peer1, closed, released, late));
            return all;
        }
    }

    @Test
    void workedExampleEndToEnd_andADisturbedRunGivesTheSameReport() throws Exception {
        Stream clean = Stream.of(TestEvents.tenant());
        for (ObjectNode event : clean.all()) {
            assertEquals(List.of(), EventContract.FEEDBACK.violations(event), "test events keep the producer's contract");
        }
        try (KafkaConsumer<String, String> reports = Kafka.reader(false, TestTopics.REPORTS)) {
            Kafka.sendResponse(clean.self());          // before the cycle is known
            Kafka.sendCycle(clean.opened());
            clean.beforeClose().forEach(Kafka::sendResponse);
            Kafka.sendResponse(clean.peer1());
            Kafka.sendCycle(clean.closed());
            Kafka.sendCycle(clean.released());
            String hr = TestTokens.hrAdmin(clean.cycle().tenant(), "HR-1").sign();

            // The cycle is released (the subject with nothing to wait for is frozen) but the leader's
            // last response has not arrived: no report yet, and it says why.
            await("the released cycle", () -> status(hr, clean.cycle(), NOBODY) == 200);
            given().auth().oauth2(hr).get(path(clean.cycle(), LEADER))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://feedback360.org/problems/report-pending"));

            Kafka.sendResponse(clean.late());
            await("the leader's report", () -> status(hr, clean.cycle(), LEADER) == 200);
            Response report = given().auth().oauth2(hr).get(path(clean.cycle(), LEADER));
            assertWorkedExample(report);
            assertEquals(10, appliedEvents(clean.cycle()), "ten distinct response events");

            List<ConsumerRecord<String, String>> published = Kafka.until(reports, clean.cycle().tenant(), WAIT,
                    records -> records.size() >= 2);
            assertPublished(clean.cycle(), published);

            // The same events again, for another tenant, with the same subject ids.
            Stream disturbed = Stream.of(TestEvents.tenant());
            Kafka.sendResponse(disturbed.self());
            Kafka.sendCycle(disturbed.opened());
            disturbed.beforeClose().forEach(Kafka::sendResponse);
            await("the first responses", () -> submissions(disturbed.cycle()) == 6);

            try (CrashingMember member = CrashingMember.takingThePartitionOf(LEADER, kafkaClients.getConsumer("responses"))) {
                Kafka.sendResponse(disturbed.peer1());
                Kafka.sendResponse(disturbed.beforeClose().get(3));   // redelivered: same event id
                Kafka.sendResponse(disturbed.beforeClose().get(6));   // the stale revision, redelivered
                List<String> applied = member.applyUntil(disturbed.cycle().tenant(), 3, consumer);
                assertEquals(3, applied.size(), "the dying member got peer 1, the redelivery and the stale revision");
                assertEquals(7, submissions(disturbed.cycle()), "and applied them: peer 1 is stored");
                double ignoredBefore = ignored();
                member.crash();
                // The application's consumer gets the partition back from the committed offset and reads
                // the three records again: all three are known event ids, so nothing is applied twice.
                await("the application's consumer to receive the dead member's records again",
                        () -> ignored() >= ignoredBefore + 3);
                assertEquals(7, submissions(disturbed.cycle()));
                // ... and commits past them: only the application's consumer commits.
                long end = endOffset(member.partition());
                await("the application's consumer to commit the partition", () -> committed(member.partition()) >= end);
            }
            Kafka.sendCycle(disturbed.opened());                      // redelivered

            Kafka.sendCycle(disturbed.closed());
            Kafka.sendCycle(disturbed.released());
            Kafka.sendResponse(disturbed.late());
            Kafka.sendResponse(disturbed.late());                 // redelivered
            String hrB = TestTokens.hrAdmin(disturbed.cycle().tenant(), "HR-1").sign();
            await("the disturbed run's report", () -> status(hrB, disturbed.cycle(), LEADER) == 200);
            JsonNode again = TestEvents.JSON.readTree(given().auth().oauth2(hrB).get(path(disturbed.cycle(), LEADER)).asString());
            assertEquals(TestEvents.JSON.readTree(report.asString()).get("report"), again.get("report"));
            assertEquals(10, appliedEvents(disturbed.cycle()), "redeliveries were not applied again");
            assertPublished(disturbed.cycle(), Kafka.until(reports, disturbed.cycle().tenant(), WAIT,
                    records -> records.size() >= 2));

            // Rebuilt from scratch, from the topics and from the stored ratings: the same numbers.
            for (String tenant : List.of(clean.cycle().tenant(), disturbed.cycle().tenant())) {
                for (RebuildSummary summary : List.of(rebuild.fromTopic(tenant), rebuild.fromStore(tenant))) {
                    assertEquals(0, summary.aggregatesChanged(), summary.toString());
                    assertEquals(0, summary.reportsChanged(), summary.toString());
                    assertEquals(0, summary.reportsPublished(), summary.toString());
                    assertEquals(2, summary.subjects(), summary.toString());
                }
            }
        }
    }

    private static long endOffset(TopicPartition partition) {
        try (KafkaConsumer<String, String> reader = Kafka.reader(false, partition.topic())) {
            return reader.endOffsets(List.of(partition)).get(partition);
        }
    }

    /** The offset the service's consumer group has committed on the partition (-1 for none). */
    private long committed(TopicPartition partition) {
        OffsetAndMetadata offset = kafkaClients.getConsumer("responses").committed(partition).await()
                .atMost(Duration.ofSeconds(10)).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    /** Events the application's consumers received again and did not apply (redeliveries, superseded states). */
    private double ignored() {
        return metrics.counter("scoring.events.ignored").count();
    }

    private static void assertWorkedExample(Response report) {
        report.then().statusCode(200)
                .body("subject.name", equalTo("Leo Leader"))
                .body("labels.dimensions.TRUST", equalTo("Dimension TRUST"))
                .body("report.k", equalTo(3))
                .body("report.publishedGroups", contains("SELF", "MANAGER", "DIRECT_REPORT"))
                .body("report.followersBasis", equalTo("DIRECT_REPORT"))
                .body("report.dimensions[0].dimension", equalTo("TRUST"))
                .body("report.dimensions[0].groups.SELF.mean", closeTo(5.0, 1e-4))
                .body("report.dimensions[0].groups.MANAGER.mean", closeTo(3.6667, 1e-4))
                .body("report.dimensions[0].groups.DIRECT_REPORT.mean", closeTo(3.2222, 1e-4))
                .body("report.dimensions[0].groups.DIRECT_REPORT.n", equalTo(3))
                .body("report.dimensions[0].groups.DIRECT_REPORT.sd", closeTo(0.8389, 1e-4))
                .body("report.dimensions[0].groups.PEER.published", equalTo(false))
                .body("report.dimensions[0].groups.PEER.reason", equalTo("GROUP_BELOW_THRESHOLD"))
                .body("report.dimensions[0].others.mean", closeTo(3.3333, 1e-4))
                .body("report.dimensions[0].others.n", equalTo(4))
                .body("report.dimensions[0].gap", closeTo(1.7778, 1e-4))
                .body("report.dimensions[0].consensus.value", closeTo(0.8571, 1e-4))
                .body("report.dimensions[0].consensus.label", equalTo("STRONG"))
                .body("report.dimensions[1].groups.DIRECT_REPORT.mean", closeTo(2.625, 1e-4))
                .body("report.dimensions[1].groups.DIRECT_REPORT.sd", closeTo(0.4787, 1e-4))
                .body("report.dimensions[1].others.mean", closeTo(2.8, 1e-4))
                .body("report.dimensions[1].gap", closeTo(1.875, 1e-4))
                .body("report.dimensions[1].consensus.value", closeTo(0.9091, 1e-4))
                .body("report.alignment.index", closeTo(0.5434, 1e-4))
                .body("report.alignment.followersMean", closeTo(2.9236, 1e-4))
                .body("report.alignment.category", equalTo("OVER_ESTIMATOR"))
                // Item figures beside partial answers are withheld (README, "Beyond SCORING.md"): no blind spots.
                .body("report.items.others.reason", contains("PARTIAL_ANSWERS", "PARTIAL_ANSWERS", "PARTIAL_ANSWERS",
                        "PARTIAL_ANSWERS", "PARTIAL_ANSWERS"))
                .body("report.items[0].groups.MANAGER.mean", closeTo(4.0, 1e-4))
                .body("report.blindSpots.size()", equalTo(0))
                .body("report.hiddenStrengths.size()", equalTo(0))
                .body("report.comments.size()", equalTo(1))
                .body("report.comments[0].source", equalTo("DIRECT_REPORT"))
                .body("report.comments[0].texts.size()", equalTo(4));
    }

    private static void assertPublished(CycleSpec cycle, List<ConsumerRecord<String, String>> published)
            throws Exception {
        assertEquals(2, published.size(), "one ReportPublished per subject, once");
        for (ConsumerRecord<String, String> record : published) {
            JsonNode event = TestEvents.JSON.readTree(record.value());
            assertEquals(List.of(), EventContract.SCORING.violations(event), record.value());
            String subject = event.path("data").path("subject").path("employeeId").asText();
            assertEquals(subject, record.key());
            assertEquals(ReportPublisher.eventId(new SubjectKey(cycle.tenant(), cycle.cycleId(), subject)).toString(),
                    event.path("id").asText());
            assertEquals(event.path("id").asText(), Kafka.header(record, "ce_id"));
            if (subject.equals(LEADER)) {
                assertEquals(0.5434, event.path("data").path("alignmentIndex").asDouble(), 1e-4);
                assertEquals("OVER_ESTIMATOR", event.path("data").path("category").asText());
                assertEquals("Leo Leader", event.path("data").path("subject").path("name").asText());
                assertTrue(event.path("data").path("alignmentWithheld").isNull());
            } else {
                assertTrue(event.path("data").path("alignmentIndex").isNull());
                assertEquals("NO_BASIS", event.path("data").path("alignmentWithheld").asText());
            }
            assertEquals("/api/v1/reports/" + cycle.cycleId() + "/subjects/" + subject,
                    event.path("data").path("reportPath").asText());
        }
    }

    static String path(CycleSpec cycle, String subject) {
        return "/api/v1/reports/" + cycle.cycleId() + "/subjects/" + subject;
    }

    static int status(String token, CycleSpec cycle, String subject) {
        return given().auth().oauth2(token).get(path(cycle, subject)).statusCode();
    }

    private long appliedEvents(CycleSpec cycle) throws Exception {
        return aggregateColumn(cycle, "applied_events");
    }

    private long submissions(CycleSpec cycle) {
        try {
            return aggregateColumn(cycle, "submissions");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long aggregateColumn(CycleSpec cycle, String column) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + column
                + " FROM subject_aggregate WHERE tenant_id = ? AND cycle_id = ? AND subject_id = ?")) {
            s.setString(1, cycle.tenant());
            s.setObject(2, cycle.cycleId());
            s.setString(3, LEADER);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
