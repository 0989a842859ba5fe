package org.feedback360.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a large tenant's history straight to feedback-service's topics, for the rebuild
 * measurement: a million responses through the API would take the better part of an hour.
 * The records follow feedback-service/contract exactly (CloudEvents envelope, keys, ce_* headers),
 * as feedback-service's outbox relay would write them.
 *
 * <p>Shape: cycles of 2,000 subjects (a business unit's review) with ten raters each (self,
 * manager, five direct reports, three peers, the default instrument's groups), one submission per
 * rater (no revisions: CycleReleased's completion then says exactly what must be stored, so the
 * live consumer and the rebuild must arrive at the same reports). Ten units reviewed in rounds.
 * The count is of ResponseSubmitted events, each one rater's answers to all 33 items.
 *
 * <p>Subjects and the owner carry an empty e-mail (the schema allows it): every report is
 * published once, and notification-service would otherwise queue one mail per subject, a hundred
 * thousand of them, into the local SMTP sink, which keeps mail in memory. It still writes the inbox items.
 */
final class Seed {

    /** The default instrument, as feedback-service loads it at start (relative to the repository root). */
    static final String INSTRUMENT = "feedback-service/src/main/resources/instruments/builtin/leader-follower-v1.json";
    static final int SUBJECTS_PER_CYCLE = 2_000;
    static final int UNITS = 10;
    static final List<String> RATERS = List.of("SELF", "MANAGER", "DIRECT_REPORT", "DIRECT_REPORT", "DIRECT_REPORT",
            "DIRECT_REPORT", "DIRECT_REPORT", "PEER", "PEER", "PEER");
    static final String SOURCE = "urn:feedback360:feedback-service";

    private Seed() {
    }

    /** @return the JSON line of the phase */
    static String run(String bootstrap, String tenant, long responses) throws Exception {
        ObjectNode definition = (ObjectNode) Http.JSON.readTree(Path.of(INSTRUMENT).toFile());
        int version = definition.remove("version").asInt(); // stored apart from the definition, as feedback-service does
        List<String> items = items(definition);
        long subjects = (responses + RATERS.size() - 1) / RATERS.size();
        int cycles = (int) ((subjects + SUBJECTS_PER_CYCLE - 1) / SUBJECTS_PER_CYCLE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int rounds = (cycles + UNITS - 1) / UNITS;
        Random random = new Random(42);
        AtomicReference<Exception> failed = new AtomicReference<>();
        long t0 = System.nanoTime();
        long written = 0;
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            List<Map<String, Object>> opened = new ArrayList<>();
            for (int c = 0; c < cycles; c++) {
                long first = (long) c * SUBJECTS_PER_CYCLE;
                int size = (int) Math.min(SUBJECTS_PER_CYCLE, subjects - first);
                Map<String, Object> cycle = cycle(tenant, c, size, version, definition, now, rounds);
                opened.add(cycle);
                send(producer, failed, "feedback.cycles", (String) cycle.get("cycleId"), "CycleOpened", tenant,
                        (String) cycle.get("cycleId"), cycle, Instant.parse((String) cycle.get("openedAt")));
            }
            for (int c = 0; c < cycles; c++) {
                Map<String, Object> cycle = opened.get(c);
                String cycleId = (String) cycle.get("cycleId");
                Instant opens = Instant.parse((String) cycle.get("opensAt"));
                Map<String, Object> bySubject = new LinkedHashMap<>();
                for (Object s : (List<?>) cycle.get("subjects")) {
                    String subject = (String) ((Map<?, ?>) s).get("employeeId");
                    int submitted = 0;
                    for (int r = 0; r < RATERS.size() && written < responses; r++, written++, submitted++) {
                        send(producer, failed, "feedback.responses", subject, "ResponseSubmitted", tenant, subject,
                                response(cycleId, subject, r, items, random), opens.plus(Duration.ofDays(1)));
                        if (written % 100_000 == 0 && written > 0) {
                            Bench.note("seeded %d of %d responses", written, responses);
                        }
                    }
                    bySubject.put(subject, Map.of("assignments", RATERS.size(), "submitted", submitted));
                }
                // After the responses, as feedback-service can only release a cycle whose responses it has.
                Map<String, Object> released = new LinkedHashMap<>(cycle);
                released.put("state", "RELEASED");
                released.put("closedAt", cycle.get("closesAt"));
                released.put("releasedAt", opens.plus(Duration.ofDays(15)).toString());
                long submittedTotal = bySubject.values().stream()
                        .mapToLong(v -> ((Number) ((Map<?, ?>) v).get("submitted")).longValue()).sum();
                released.put("completion", Map.of("assignments", (long) bySubject.size() * RATERS.size(),
                        "submitted", submittedTotal, "bySubject", bySubject));
                send(producer, failed, "feedback.cycles", cycleId, "CycleReleased", tenant, cycleId, released,
                        opens.plus(Duration.ofDays(15)));
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the seed is incomplete", failed.get());
        }
        return String.format(java.util.Locale.ROOT,
                "{\"measure\":\"seed\",\"tenant\":\"%s\",\"cycles\":%d,\"subjects\":%d,\"responses\":%d,\"seconds\":%.1f}",
                tenant, cycles, subjects, written, (System.nanoTime() - t0) / 1e9);
    }

    /** The cycle as CycleOpened carries it (contract/cycle-event.schema.json). */
    /** Unit c % 10, round c / 10: the latest round opened 16 days ago, closed after 14 and was released a day later. */
    static Map<String, Object> cycle(String tenant, int c, int size, int version, JsonNode definition, Instant now,
                                     int rounds) {
        int unit = c % UNITS;
        int round = c / UNITS;
        List<Map<String, Object>> subjects = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("employeeId", String.format("L-%d-%04d", unit, i));
            p.put("name", "Leader " + unit + "-" + i);
            p.put("email", "");
            p.put("locale", i % 3 == 0 ? "de" : "en");
            p.put("managerEmployeeId", String.format("M-%d-%03d", unit, i / 20));
            subjects.add(p);
        }
        Instant opens = now.minus(Duration.ofDays(16L * (rounds - round)));
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("cycleId", UUID.nameUUIDFromBytes((tenant + "/" + c).getBytes(StandardCharsets.UTF_8)).toString());
        cycle.put("tenant", tenant);
        cycle.put("name", "Unit " + unit + ", round " + (round + 1));
        cycle.put("state", "OPEN");
        cycle.put("instrument", Map.of("key", definition.path("key").asText(), "version", version, "definition", definition));
        cycle.put("subjects", subjects);
        cycle.put("opensAt", opens.toString());
        cycle.put("closesAt", opens.plus(Duration.ofDays(14)).toString());
        cycle.put("anonymityThreshold", 3);
        cycle.put("managerVisible", true);
        cycle.put("reminders", List.of());
        cycle.put("owner", Map.of("employeeId", "R-HR", "name", "Rebuild HR", "email", "", "locale", "en"));
        cycle.put("openedAt", opens.toString());
        cycle.put("closedAt", null);
        cycle.put("releasedAt", null);
        return cycle;
    }

    static List<String> items(JsonNode definition) {
        List<String> items = new ArrayList<>();
        for (JsonNode d : definition.path("dimensions")) {
            d.path("items").forEach(i -> items.add(i.path("id").asText()));
        }
        return items;
    }

    /** ResponseSubmitted's data (contract/response-submitted.schema.json). */
    static Map<String, Object> response(String cycleId, String subject, int rater, List<String> items, Random random) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String item : items) {
            answers.put(item, random.nextInt(50) == 0 ? null : 1 + random.nextInt(5)); // about 2% N/A
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cycleId", cycleId);
        data.put("subjectId", subject);
        // Shaped like feedback-service's HMAC (64 hex digits); its secret never leaves feedback-service.
        data.put("raterKey", sha256Hex(cycleId + ":" + subject + ":" + rater));
        data.put("group", RATERS.get(rater));
        data.put("revision", 1);
        data.put("answers", answers);
        data.put("comments", rater % 3 == 0 ? Map.of("keep-doing", "Clear priorities every week.") : Map.of());
        return data;
    }

    private static void send(KafkaProducer<String, byte[]> producer, AtomicReference<Exception> failed, String topic, String key, String type,
                             String tenant, String subject, Object data, Instant time) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                json(envelope(id, type, tenant, subject, data, time)));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", ("org.feedback360." + type).getBytes(StandardCharsets.UTF_8))
                .add("ce_tenant", tenant.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failed.compareAndSet(null, e); // this runs on the producer's thread: reported after flush()
            }
        });
    }

    /** The CloudEvents envelope (contract/envelope.schema.json), as feedback-service's outbox writes it. */
    static Map<String, Object> envelope(String id, String type, String tenant, String subject, Object data, Instant time) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("type", "org.feedback360." + type);
        envelope.put("source", SOURCE);
        envelope.put("subject", subject);
        envelope.put("time", time.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("tenant", tenant);
        envelope.put("data", data);
        return envelope;
    }

    /** As feedback-service's outbox relay sends (acks=all, idempotent, uncompressed), with larger batches. */
    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private static byte[] json(Object value) {
        try {
            return Http.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
