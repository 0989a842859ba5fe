package org.feedback360.support.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.feedback360.support.kafka.KafkaSettings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Sends outbox rows to Kafka with a plain {@link KafkaProducer} built from the Kafka
 * extension's configuration ({@code kafka.*}), made safe for an outbox: idempotent,
 * {@code acks=all}, bounded blocking so a dead broker fails a batch quickly instead of
 * holding its row locks.
 *
 * <p>Why not a SmallRye {@code Emitter}: the relay must know, per row and inside the
 * transaction that holds the row's lock, whether the broker acknowledged it. An emitter's
 * channel adds its own buffer and failure handling between us and the producer, and is bound
 * to one broker configuration at start-up; the relay (and its Kafka-down test) needs to
 * decide for itself when a row is published and which broker it talks to.
 */
public final class OutboxSender implements AutoCloseable {

    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_TENANT = "ce_tenant";

    private final KafkaProducer<String, String> producer;

    private OutboxSender(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    /** @param kafkaConfig client settings, at least {@code bootstrap.servers} */
    public static OutboxSender connect(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = KafkaSettings.forClient(kafkaConfig, ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new OutboxSender(new KafkaProducer<>(config));
    }

    /** Hands the row to the producer; the future completes when the broker has acknowledged it. */
    Future<?> send(String topic, OutboxEvent row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, row.messageKey, row.payload, List.of(
                header(CE_ID, row.id.toString()), header(CE_TYPE, row.eventType), header(CE_TENANT, row.tenantId)));
        return producer.send(record);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
