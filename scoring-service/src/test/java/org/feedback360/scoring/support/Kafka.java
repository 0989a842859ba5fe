package org.feedback360.scoring.support;

import org.feedback360.testsupport.TestKafka;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Plain Kafka clients for tests: a producer that sends events as feedback-service's relay does, and a reader. */
public final class Kafka {

    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.BOOTSTRAP,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Sends a cycle event keyed by its cycle id, with the relay's ce_* headers, and waits for the ack. */
    public static void sendCycle(ObjectNode event) {
        send(TestTopics.CYCLES, event.path("data").path("cycleId").asText(), event);
    }

    /** Sends a response keyed by its subject id, with the relay's ce_* headers, and waits for the ack. */
    public static void sendResponse(ObjectNode event) {
        send(TestTopics.RESPONSES, event.path("data").path("subjectId").asText(), event);
    }

    public static void send(String topic, String key, ObjectNode event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key, event.toString(), List.of(
                header("ce_id", event.path("id").asText()), header("ce_type", event.path("type").asText()),
                header("ce_tenant", event.path("tenant").asText())));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A consumer without a group, positioned at the beginning or the end of every partition of the topics. */
    public static KafkaConsumer<String, String> reader(boolean fromBeginning, String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.endOffsets(partitions).forEach(consumer::seek);
        }
        return consumer;
    }

    /** Polls until {@code done} holds for the records of {@code tenant} seen so far, or the time is up. */
    public static List<ConsumerRecord<String, String>> until(KafkaConsumer<String, String> consumer, String tenant,
                                                             Duration timeout,
                                                             Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (done.test(seen) || System.nanoTime() > deadline) {
                return seen;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (tenant.equals(header(r, "ce_tenant"))) {
                    seen.add(r);
                }
            });
        }
    }
}
