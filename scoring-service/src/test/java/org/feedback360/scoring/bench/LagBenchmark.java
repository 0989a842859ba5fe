package org.feedback360.scoring.bench;

import org.feedback360.testsupport.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestTopics;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Streaming lag: ResponseSubmitted at a steady rate through the real consumer; the lag from each
 * response's submission (its CloudEvents time) to its aggregate being committed, as the service's
 * own timer ({@code scoring.response.lag}) and the aggregates' {@code updated_at − last_event_at}
 * measure it. Not part of the suite; run with
 * {@code mvn -pl scoring-service test -Dtest=LagBenchmark [-Dbench.rate=300] [-Dbench.seconds=60]}.
 */
@QuarkusTest
@TestProfile(LagBenchmark.Profile.class)
class LagBenchmark {

    static final String CYCLES = "scoring-bench.lag.feedback.cycles";
    static final String RESPONSES = "scoring-bench.lag.feedback.responses";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestKafka.createTopics(List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(RESPONSES, 12, (short) 1)));
            return Map.of("scoring.topics.cycles", CYCLES, "scoring.topics.responses", RESPONSES,
                    "mp.messaging.incoming.cycles.group.id", "scoring-bench-lag",
                    "mp.messaging.incoming.responses.group.id", "scoring-bench-lag");
        }
    }

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    @Test
    void lagFromSubmissionToAggregate() throws Exception {
        int rate = Integer.getInteger("bench.rate", 300);
        int seconds = Integer.getInteger("bench.seconds", 60);
        JsonNode definition = TestEvents.JSON.readTree(Files.readString(
                Path.of("../feedback-service/src/main/resources/instruments/builtin/leader-follower-v1.json")));
        List<String> items = new ArrayList<>();
        definition.get("dimensions").forEach(d -> d.get("items").forEach(i -> items.add(i.get("id").asText())));
        String tenant = TestEvents.tenant();
        UUID cycleId = UUID.randomUUID();
        List<TestEvents.Subject> subjects = new ArrayList<>();
        int subjectCount = Math.max(10, rate * seconds / 10);
        for (int s = 0; s < subjectCount; s++) {
            subjects.add(new TestEvents.Subject("E-" + s, "Person " + s, "en"));
        }
        TestEvents.CycleSpec cycle = new TestEvents.CycleSpec(tenant, cycleId, "Lag", (ObjectNode) definition, subjects, 3, true);
        Random random = new Random(7);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            producer.send(record(CYCLES, cycleId.toString(), tenant, TestEvents.cycleEvent("CycleOpened", cycle, Map.of()).toString())).get();
            Thread.sleep(2_000);
            Timer timer = registry.find("scoring.response.lag").timer();
            long before = timer == null ? 0 : timer.count();
            long start = System.nanoTime();
            long total = (long) rate * seconds;
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String subject = "E-" + random.nextInt(subjectCount);
                String key = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest((subject + ":" + random.nextInt(12)).getBytes(StandardCharsets.UTF_8)));
                // The event time is set now: the submission moment the lag is measured from.
                producer.send(record(RESPONSES, subject, tenant, BenchData.response(cycleId, subject, key,
                        BenchData.GROUPS[random.nextInt(BenchData.GROUPS.length)], 1 + random.nextInt(2), items, random)
                        .replace("\"tenant\":\"" + BenchData.TENANT + "\"", "\"tenant\":\"" + tenant + "\"")));
            }
            producer.flush();
            double sent = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + 60_000_000_000L;
            timer = registry.find("scoring.response.lag").timer();
            while ((timer == null || timer.count() - before < total) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                timer = registry.find("scoring.response.lag").timer();
            }
            System.out.printf("%nbench | responses | rate offered/s | applied | p50 ms | p95 ms | p99 ms | max ms%n");
            double[] p = new double[3];
            for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
                int idx = v.percentile() == 0.5 ? 0 : v.percentile() == 0.95 ? 1 : 2;
                p[idx] = v.value(TimeUnit.MILLISECONDS);
            }
            System.out.printf("streaming lag (service timer) | %d | %.0f | %d | %.0f | %.0f | %.0f | %.0f%n", total,
                    total / sent, timer.count() - before, p[0], p[1], p[2], timer.max(TimeUnit.MILLISECONDS));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), sum(applied_events), "
                         + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - last_event_at) * 1000) "
                         + "FROM subject_aggregate WHERE tenant_id = '" + tenant + "'")) {
                r.next();
                System.out.printf("aggregates: %d subjects, %d events applied; p99 of their last lag %.0f ms%n",
                        r.getLong(1), r.getLong(2), r.getDouble(3));
            }
            System.out.printf("load average: %s%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, String tenant, String json) {
        String id = json.substring(json.indexOf("\"id\":\"") + 6, json.indexOf("\"id\":\"") + 42);
        return new ProducerRecord<>(topic, null, key, json, List.of(
                new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_tenant", tenant.getBytes(StandardCharsets.UTF_8))));
    }
}
