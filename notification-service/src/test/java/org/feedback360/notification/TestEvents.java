package org.feedback360.notification;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events built from the producers' contract examples, re-keyed to fresh ids and stamped now (an
 * event older than the service remembers applied ones is skipped), and published to the
 * test topics on the real broker, keyed as the producers key them. Each is checked against the
 * contract before it is sent.
 */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** A fresh cycle of a fresh tenant with one subject (Leo) and owner (Hana, German), as examples. */
    public record Cycle(String tenant, UUID cycleId, String ownerEmail) {

        public JsonObject opened(Instant closesAt, String... reminders) {
            JsonObject e = event("CycleOpened");
            e.getJsonObject("data").put("closesAt", closesAt.toString()).put("reminders", new JsonArray(List.of(reminders)));
            return e;
        }

        public JsonObject closed(int assignments, int submitted) {
            JsonObject e = event("CycleClosed");
            JsonObject data = e.getJsonObject("data");
            String subject = data.getJsonArray("subjects").getJsonObject(0).getString("employeeId");
            data.put("completion", new JsonObject().put("assignments", assignments).put("submitted", submitted)
                    .put("bySubject", new JsonObject().put(subject,
                            new JsonObject().put("assignments", assignments).put("submitted", submitted))));
            return e;
        }

        public JsonObject released() {
            return event("CycleReleased");
        }

        private JsonObject event(String type) {
            JsonObject e = Contract.example(type).put("id", UUID.randomUUID().toString()).put("tenant", tenant)
                    .put("subject", cycleId.toString()).put("time", Instant.now().toString());
            e.getJsonObject("data").put("cycleId", cycleId.toString()).put("tenant", tenant)
                    .getJsonObject("owner").put("email", ownerEmail);
            return e;
        }

        /** An assignment of this cycle for a new rater. */
        public Assignment assignment(String raterId, String raterName, String locale) {
            return new Assignment(this, UUID.randomUUID(), raterId, raterName,
                    raterId.toLowerCase() + "-" + tenant + "@acme.example", locale, "E-0200", "Leo Leader");
        }
    }

    public record Assignment(Cycle cycle, UUID assignmentId, String raterId, String raterName, String raterEmail,
                             String locale, String subjectId, String subjectName) {

        /** The same rater asked about another subject of the cycle. */
        public Assignment about(String otherSubjectId, String otherSubjectName) {
            return new Assignment(cycle, UUID.randomUUID(), raterId, raterName, raterEmail, locale, otherSubjectId,
                    otherSubjectName);
        }

        public JsonObject created() {
            return event("AssignmentCreated");
        }

        public JsonObject submitted() {
            return event("AssignmentSubmitted");
        }

        public JsonObject cancelled() {
            JsonObject e = event("AssignmentCancelled");
            e.getJsonObject("data").remove("submittedAt");
            return e;
        }

        private JsonObject event(String type) {
            JsonObject e = Contract.example(type).put("id", UUID.randomUUID().toString()).put("tenant", cycle.tenant())
                    .put("subject", assignmentId.toString()).put("time", Instant.now().toString());
            JsonObject data = e.getJsonObject("data").put("assignmentId", assignmentId.toString())
                    .put("cycleId", cycle.cycleId().toString());
            data.getJsonObject("rater").put("employeeId", raterId).put("name", raterName).put("email", raterEmail)
                    .put("locale", locale);
            data.getJsonObject("subject").put("employeeId", subjectId).put("name", subjectName);
            return e;
        }
    }

    public static Cycle cycle() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return new Cycle(tenant, UUID.randomUUID(), "hana-" + tenant + "@acme.example");
    }

    /** ReportPublished of the scoring contract for a subject of the given tenant. */
    public static JsonObject reportPublished(String tenant, String employeeId, String name, String email, String locale) {
        JsonObject e = Contract.example("ReportPublished").put("id", UUID.randomUUID().toString()).put("tenant", tenant)
                .put("subject", employeeId).put("time", Instant.now().toString());
        JsonObject data = e.getJsonObject("data");
        data.put("reportPath", "/api/v1/reports/" + data.getString("cycleId") + "/subjects/" + employeeId)
                .getJsonObject("subject").put("employeeId", employeeId).put("name", name).put("email", email)
                .put("locale", locale);
        return e;
    }

    /** Checks the event against its contract and publishes it, keyed as its producer keys it. */
    public static void publish(JsonObject event) {
        assertEquals(List.of(), Contract.violations(event), "test event breaks the contract");
        String type = event.getString("type");
        JsonObject data = event.getJsonObject("data");
        String topic;
        String key;
        if (type.startsWith("org.feedback360.Cycle")) {
            topic = NotificationTestResources.CYCLES;
            key = data.getString("cycleId");
        } else if (type.startsWith("org.feedback360.Assignment")) {
            topic = NotificationTestResources.ASSIGNMENTS;
            key = data.getJsonObject("subject").getString("employeeId");
        } else {
            topic = NotificationTestResources.REPORTS;
            key = data.getJsonObject("subject").getString("employeeId");
        }
        send(topic, key, event.encode());
    }

    /**
     * Sends records, valid or not, in one produce request to one partition (same key), so that the
     * service reads them in one poll: one batch, one transaction.
     */
    public static synchronized void sendTogether(String topic, String key, List<String> values) {
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> sent = values.stream()
                .map(value -> p.send(new ProducerRecord<>(topic, key, value))).toList();
        p.flush();
        for (Future<RecordMetadata> f : sent) {
            await(f);
        }
    }

    /** Sends any record, valid or not. */
    public static synchronized void send(String topic, String key, String value) {
        await(producer().send(new ProducerRecord<>(topic, key, value)));
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            // linger: records sent together go out in one produce request (sendTogether)
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", NotificationTestResources.KAFKA, "acks", "all",
                    "linger.ms", "20"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static void await(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
