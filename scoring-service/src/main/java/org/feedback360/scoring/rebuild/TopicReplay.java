package org.feedback360.scoring.rebuild;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.feedback360.scoring.events.CycleEvent;
import org.feedback360.scoring.events.FeedbackEvents;
import org.feedback360.scoring.events.ResponseEvent;
import org.feedback360.support.kafka.KafkaSettings;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads feedback.cycles and feedback.responses from the beginning up to the end offsets taken at
 * the start, with a plain consumer (no group: nothing is committed, the service's consumers are
 * not disturbed), into a {@link Replay}. One thread polls; the records are parsed on several.
 */
final class TopicReplay {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);

    private final Map<String, Object> kafkaConfig;
    private final FeedbackEvents events;
    private final int threads;

    TopicReplay(Map<String, Object> kafkaConfig, FeedbackEvents events, int threads) {
        this.kafkaConfig = kafkaConfig;
        this.events = events;
        this.threads = threads;
    }

    /**
     * @param tenant only this tenant's events, or every tenant's when null
     * @return the replayed state and how many records were read (of all tenants)
     */
    Replay read(String cyclesTopic, String responsesTopic, String tenant, AtomicLong recordsRead) throws Exception {
        Replay replay = new Replay();
        ExecutorService parsers = Executors.newFixedThreadPool(threads);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(cyclesTopic, responsesTopic)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = Map.copyOf(consumer.endOffsets(partitions));
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            Semaphore inFlight = new Semaphore(2 * threads);
            List<Future<?>> parsed = new ArrayList<>();
            while (!caughtUp(consumer, end, remaining)) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                recordsRead.addAndGet(records.count());
                inFlight.acquire(); // polls no further ahead of the parsers than a few batches
                parsed.add(parsers.submit(() -> {
                    try {
                        apply(records, cyclesTopic, tenant, replay, end);
                    } finally {
                        inFlight.release();
                    }
                }));
                parsed.removeIf(f -> f.isDone() && join(f));
            }
            for (Future<?> f : parsed) {
                join(f);
            }
        } finally {
            parsers.shutdownNow();
        }
        return replay;
    }

    /** Pauses the partitions that reached their end offset: what arrives later is not part of this replay. */
    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end,
                                    Set<TopicPartition> remaining) {
        List<TopicPartition> done = remaining.stream().filter(p -> consumer.position(p) >= end.get(p)).toList();
        if (!done.isEmpty()) {
            consumer.pause(done);
            done.forEach(remaining::remove);
        }
        return remaining.isEmpty();
    }

    private void apply(ConsumerRecords<String, byte[]> records, String cyclesTopic, String tenant, Replay replay,
                       Map<TopicPartition, Long> end) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                continue; // arrived after the replay started
            }
            String recordTenant = header(record, "ce_tenant");
            if (tenant != null && recordTenant != null && !tenant.equals(recordTenant)) {
                continue; // another tenant's: skipped without parsing
            }
            if (record.topic().equals(cyclesTopic)) {
                FeedbackEvents.Read<CycleEvent> read = events.cycle(record.value());
                if (read.event() != null && (tenant == null || tenant.equals(read.event().tenant()))) {
                    replay.cycle(read.event().toCycle());
                } else if (read.rejection() != null) {
                    LOG.debugf("Rebuild skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                            read.rejection());
                }
            } else {
                FeedbackEvents.Read<ResponseEvent> read = events.response(record.value());
                if (read.event() != null && (tenant == null || tenant.equals(read.event().tenant()))) {
                    replay.rating(read.event().rating());
                } else if (read.rejection() != null) {
                    LOG.debugf("Rebuild skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                            read.rejection());
                }
            }
        }
    }

    private static boolean join(Future<?> f) {
        try {
            f.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Rebuild: a batch of records could not be applied", e.getCause());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A consumer from the Kafka extension's settings, without a group, tuned for reading a whole topic fast. */
    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = KafkaSettings.forClient(kafkaConfig, ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "scoring-rebuild");
        return new KafkaConsumer<>(config);
    }
}
