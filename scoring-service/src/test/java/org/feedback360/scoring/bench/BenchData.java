package org.feedback360.scoring.bench;

import org.feedback360.testsupport.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestTopics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A benchmark data set on its own topics (never the test topics): cycles of the real
 * leader-follower-v1 instrument (33 items), about ten raters per subject, one in five revising.
 */
final class BenchData {

    static final String PREFIX = "scoring-bench.";
    static final String CYCLES = PREFIX + "feedback.cycles";
    static final String RESPONSES = PREFIX + "feedback.responses";
    static final String TENANT = "bench";
    static final String[] GROUPS = {"SELF", "MANAGER", "DIRECT_REPORT", "DIRECT_REPORT", "DIRECT_REPORT",
            "DIRECT_REPORT", "DIRECT_REPORT", "PEER", "PEER", "PEER"};

    private BenchData() {
    }

    static void createTopics() {
        TestKafka.createTopics(List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(RESPONSES, 12, (short) 1)));
    }

    /** Drops the benchmark's own topics (a data set of another size) and creates them empty. */
    static void recreateTopics() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", TestKafka.BOOTSTRAP))) {
            admin.deleteTopics(List.of(CYCLES, RESPONSES)).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(t -> t.startsWith(PREFIX + "feedback."))) {
                Thread.sleep(500);
            }
        }
        createTopics();
    }

    /** Records on the topic now (all partitions). */
    static long records(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            long total = 0;
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            for (var e : consumer.endOffsets(partitions).entrySet()) {
                total += e.getValue() - begin.get(e.getKey());
            }
            return total;
        }
    }

    /** Produces about {@code responses} ResponseSubmitted events and the cycles they belong to; half the cycles are released. */
    static void produce(int responses, boolean release) throws Exception {
        JsonNode definition = TestEvents.JSON.readTree(Files.readString(
                Path.of("../feedback-service/src/main/resources/instruments/builtin/leader-follower-v1.json")));
        List<String> items = new ArrayList<>();
        definition.get("dimensions").forEach(d -> d.get("items").forEach(i -> items.add(i.get("id").asText())));
        int perSubject = 12; // ten raters, two revisions on average
        int subjects = Math.max(1, responses / perSubject);
        int cycles = Math.max(1, Math.min(40, subjects / 100));
        Random random = new Random(42);
        try (KafkaProducer<String, String> producer = producer()) {
            int produced = 0;
            for (int c = 0; c < cycles; c++) {
                UUID cycleId = UUID.nameUUIDFromBytes(("bench-cycle-" + c).getBytes(StandardCharsets.UTF_8));
                int cycleSubjects = subjects / cycles + (c < subjects % cycles ? 1 : 0);
                List<TestEvents.Subject> people = new ArrayList<>();
                for (int s = 0; s < cycleSubjects; s++) {
                    people.add(new TestEvents.Subject("E-" + c + "-" + s, "Person " + s, s % 3 == 0 ? "de" : "en"));
                }
                TestEvents.CycleSpec cycle = new TestEvents.CycleSpec(TENANT, cycleId, "Bench cycle " + c,
                        (ObjectNode) definition, people, 3, true);
                send(producer, CYCLES, cycleId.toString(), TestEvents.cycleEvent("CycleOpened", cycle, Map.of()));
                Map<String, TestEvents.Counts> submitted = new LinkedHashMap<>();
                for (TestEvents.Subject subject : people) {
                    int raters = 0;
                    long revisionSum = 0;
                    for (int r = 0; r < GROUPS.length && produced < responses; r++) {
                        String key = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest((cycleId + subject.employeeId() + r).getBytes(StandardCharsets.UTF_8)));
                        int revisions = random.nextInt(5) == 0 ? 2 : 1;
                        for (int revision = 1; revision <= revisions; revision++) {
                            producer.send(record(RESPONSES, subject.employeeId(), response(cycleId, subject.employeeId(),
                                    key, GROUPS[r], revision, items, random)));
                            produced++;
                        }
                        raters++;
                        revisionSum += revisions;
                    }
                    submitted.put(subject.employeeId(), new TestEvents.Counts(raters, revisionSum));
                }
                if (release && c % 2 == 0) {
                    send(producer, CYCLES, cycleId.toString(), TestEvents.cycleEvent("CycleClosed", cycle, submitted));
                    send(producer, CYCLES, cycleId.toString(), TestEvents.cycleEvent("CycleReleased", cycle, submitted));
                }
            }
            producer.flush();
        }
    }

    /** A ResponseSubmitted as feedback-service writes it, without a JSON tree per event (a million of them). */
    static String response(UUID cycleId, String subject, String raterKey, String group, int revision,
                           List<String> items, Random random) {
        StringBuilder answers = new StringBuilder(items.size() * 24);
        for (String item : items) {
            answers.append(answers.isEmpty() ? "" : ",").append('"').append(item).append("\":")
                    .append(random.nextInt(10) == 0 ? "null" : String.valueOf(1 + random.nextInt(5)));
        }
        String comment = random.nextInt(3) == 0 ? "{\"keep-doing\":\"Clear priorities every Monday.\"}" : "{}";
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"org.feedback360.ResponseSubmitted\","
                + "\"source\":\"urn:feedback360:feedback-service\",\"subject\":\"" + subject + "\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"tenant\":\"" + TENANT + "\",\"data\":{\"cycleId\":\""
                + cycleId + "\",\"subjectId\":\"" + subject + "\",\"raterKey\":\"" + raterKey + "\",\"group\":\"" + group
                + "\",\"revision\":" + revision + ",\"answers\":{" + answers + "},\"comments\":" + comment + "}}";
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, ObjectNode event) {
        producer.send(record(topic, key, event.toString()));
    }

    private static ProducerRecord<String, String> record(String topic, String key, String json) {
        String id = json.substring(json.indexOf("\"id\":\"") + 6, json.indexOf("\"id\":\"") + 42);
        String type = json.contains("ResponseSubmitted") ? "org.feedback360.ResponseSubmitted" : "org.feedback360.Cycle";
        return new ProducerRecord<>(topic, null, key, json, List.of(
                new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_tenant", TENANT.getBytes(StandardCharsets.UTF_8))));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * The baseline: a plain consumer reading the topics from the beginning to their end, doing
     * nothing with the records.
     *
     * @return {records, millis, bytes}
     */
    static long[] plainRead(String... topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                partitions.addAll(partitions(consumer, topic));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long t0 = System.nanoTime();
            long records = 0;
            long bytes = 0;
            List<TopicPartition> remaining = new ArrayList<>(partitions);
            while (!remaining.isEmpty()) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    bytes += r.serializedValueSize();
                }
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
            }
            return new long[] {records, (System.nanoTime() - t0) / 1_000_000, bytes};
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
