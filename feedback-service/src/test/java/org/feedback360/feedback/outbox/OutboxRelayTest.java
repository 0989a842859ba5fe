package org.feedback360.feedback.outbox;

import org.feedback360.testsupport.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.feedback360.feedback.Scenario;
import org.feedback360.feedback.TestTopics;
import org.feedback360.feedback.TopicReader;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.outbox.OutboxEvent;
import org.feedback360.support.outbox.OutboxRelay;
import org.feedback360.support.outbox.OutboxSender;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestTopics.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    Scheduler scheduler;

    /**
     * Kafka "down": the relay talks to a port where no broker listens. Submissions still
     * succeed; once the relay reaches the real broker, every outbox row arrives exactly once.
     */
    @Test
    void submissionsMadeWhileKafkaIsDownArePublishedExactlyOnceLater() throws Exception {
        scheduler.pause(OutboxRelay.JOB);
        try (TopicReader reader = new TopicReader(TestTopics.CYCLES, TestTopics.ASSIGNMENTS, TestTopics.RESPONSES);
             OutboxSender dead = OutboxSender.connect(Map.of("bootstrap.servers", "127.0.0.1:" + freePort(),
                     "max.block.ms", 1_000, "request.timeout.ms", 1_000, "delivery.timeout.ms", 2_000))) {
            Thread.sleep(1_500); // let a relay run that started before the pause finish
            Scenario s = new Scenario();
            s.openCycle("leo");
            s.submit("fay", s.assignment("fay", "leo"), "{\"answers\": {\"trust-1\": 4}}");
            UUID gus = s.assignment("gus", "leo");
            s.submit("gus", gus, "{\"answers\": {\"trust-1\": 2}}");
            s.submit("gus", gus, "{\"answers\": {\"trust-1\": 3}}");

            for (int attempt = 0; attempt < 2; attempt++) {
                OutboxRelay.Result r = relay.relayBatch(dead);
                assertEquals(0, r.published(), "nothing can be acknowledged without a broker");
                assertTrue(r.failed() > 0);
            }
            List<OutboxEvent> rows = rows(s.tenant);
            assertEquals(1 + 6 + 3 * 2, rows.size());
            assertTrue(rows.stream().allMatch(e -> e.publishedAt == null), "no row is marked published without an ack");

            scheduler.resume(OutboxRelay.JOB);
            Set<String> ids = rows.stream().map(e -> e.id.toString()).collect(Collectors.toSet());
            List<ConsumerRecord<String, String>> records = reader.until(s.tenant, Duration.ofSeconds(30),
                    seen -> seen.size() >= ids.size());
            // A little longer, to catch any duplicate that would still be on its way.
            records = reader.until(s.tenant, Duration.ofSeconds(3), seen -> false);
            Map<String, Long> perId = records.stream().collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"),
                    Collectors.counting()));
            assertEquals(ids, perId.keySet());
            assertTrue(perId.values().stream().allMatch(n -> n == 1), "each outbox row exactly once: " + perId);
            assertTrue(rows(s.tenant).stream().allMatch(e -> e.publishedAt != null));
            // Per key, in the order written.
            Map<String, OutboxEvent> byId = rows.stream().collect(Collectors.toMap(e -> e.id.toString(), Function.identity()));
            List<String> leoAssignments = records.stream().filter(r -> r.topic().equals(TestTopics.ASSIGNMENTS))
                    .map(r -> TopicReader.header(r, "ce_id")).toList();
            List<String> written = rows.stream().filter(e -> e.topic.equals("feedback.assignments"))
                    .map(e -> e.id.toString()).toList();
            assertEquals(written, leoAssignments);
            assertEquals(ids.size(), byId.size());
        } finally {
            scheduler.resume(OutboxRelay.JOB);
        }
    }

    /** Two replicas relaying at the same moment share the rows; none is published twice. */
    @Test
    void twoRelaysAtOnceNeverPublishARowTwice() throws Exception {
        scheduler.pause(OutboxRelay.JOB);
        try (TopicReader reader = new TopicReader(TestTopics.CYCLES, TestTopics.ASSIGNMENTS, TestTopics.RESPONSES);
             OutboxSender a = OutboxSender.connect(Map.of("bootstrap.servers", TestKafka.BOOTSTRAP));
             OutboxSender b = OutboxSender.connect(Map.of("bootstrap.servers", TestKafka.BOOTSTRAP))) {
            Thread.sleep(1_500);
            Scenario s = new Scenario();
            s.openCycle("leo", "pia", "dora");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    var first = pool.submit(() -> relay.relayBatch(a));
                    var second = pool.submit(() -> relay.relayBatch(b));
                    first.get();
                    second.get();
                }
            } finally {
                pool.shutdown();
            }
            List<OutboxEvent> rows = rows(s.tenant);
            assertTrue(rows.stream().allMatch(e -> e.publishedAt != null));
            List<ConsumerRecord<String, String>> records = reader.until(s.tenant, Duration.ofSeconds(20),
                    seen -> seen.size() >= rows.size());
            records = reader.until(s.tenant, Duration.ofSeconds(2), seen -> false);
            Map<String, Long> perId = records.stream().collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"),
                    Collectors.counting()));
            assertEquals(rows.stream().map(e -> e.id.toString()).collect(Collectors.toSet()), perId.keySet());
            assertTrue(perId.values().stream().allMatch(n -> n == 1), "each outbox row exactly once: " + perId);
        } finally {
            scheduler.resume(OutboxRelay.JOB);
        }
    }

    private List<OutboxEvent> rows(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.list("tenantId = ?1 order by createdAt, id", tenant));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
