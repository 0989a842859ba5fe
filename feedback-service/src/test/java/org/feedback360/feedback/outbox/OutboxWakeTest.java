package org.feedback360.feedback.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.feedback360.feedback.TestTopics;
import org.feedback360.feedback.TopicReader;
import org.feedback360.support.outbox.Outbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A commit that recorded events starts the relay: with the schedule an hour apart (its first run
 * at start-up long done), events reach Kafka only if the commit woke it. Several commits at once
 * share runs and still each event arrives exactly once; a rolled-back event never does.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.ScheduleAnHourApart.class)
@WithTestResource(value = TestTopics.class, scope = TestResourceScope.GLOBAL)
class OutboxWakeTest {

    public static class ScheduleAnHourApart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.interval", "1h");
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void aCommitWakesTheRelayAndEachEventArrivesOnce() throws Exception {
        String tenant = "wake-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TestTopics.CYCLES)) {
            Set<String> committed = IntStream.range(0, 20).parallel()
                    .mapToObj(i -> QuarkusTransaction.requiringNew().call(() -> record(tenant, i)).toString())
                    .collect(Collectors.toSet());
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    record(tenant, 99);
                    throw new IllegalStateException("rolled back on purpose");
                });
            } catch (IllegalStateException expected) {
                // the event of a rolled-back transaction must never reach Kafka
            }

            reader.until(tenant, Duration.ofSeconds(30), seen -> seen.size() >= committed.size());
            // A little longer, to catch a duplicate or the rolled-back event on its way.
            List<ConsumerRecord<String, String>> records = reader.until(tenant, Duration.ofSeconds(3), seen -> false);
            Map<String, Long> perId = records.stream()
                    .collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"), Collectors.counting()));
            assertEquals(committed, perId.keySet(), "every committed event, and nothing else, with the schedule idle");
            assertEquals(Set.of(1L), Set.copyOf(perId.values()), "each exactly once: " + perId);
        }
    }

    private UUID record(String tenant, int n) {
        return outbox.record(tenant, "feedback.cycles", "cycle-" + n, "WakeProbe", "cycle-" + n, Map.of("n", n));
    }
}
