package org.feedback360.scoring.events;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.feedback360.scoring.support.Kafka;
import org.feedback360.scoring.support.TestTopics;
import org.feedback360.testsupport.TestKafka;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second instance of the service's responses consumer that dies mid-stream: a member of the
 * application's own consumer group (same group id, same topic, same assignor as the application's
 * channel), which takes a subject's partition by a real rebalance, applies what it polls with the
 * application's code, and crashes without committing or leaving the group.
 */
final class CrashingMember implements AutoCloseable {

    /** The broker's minimum: the group notices the crash this long after the last heartbeat. */
    static final int SESSION_TIMEOUT_MS = 6_000;

    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;
    private boolean crashed;

    private CrashingMember(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        this.consumer = consumer;
        this.partition = partition;
    }

    /**
     * Joins the group of the application's responses consumer so that the rebalance hands it the
     * partition of the subject's records. Kafka's default RangeAssignor gives the lower half of the
     * partitions to the member whose id sorts first (ids start with the client id), so the client id
     * is chosen to sort before or after the application's.
     */
    static CrashingMember takingThePartitionOf(String subjectId,
                                               io.smallrye.reactive.messaging.kafka.KafkaConsumer<?, ?> application) {
        Map<String, ?> config = application.configuration();
        String groupId = String.valueOf(config.get(ConsumerConfig.GROUP_ID_CONFIG));
        String applicationClientId = String.valueOf(config.get(ConsumerConfig.CLIENT_ID_CONFIG));
        int partitions;
        try (KafkaConsumer<String, String> reader = Kafka.reader(false, TestTopics.RESPONSES)) {
            partitions = reader.partitionsFor(TestTopics.RESPONSES).size();
        }
        // The partition the producer's default partitioner picks for the subject's key.
        int target = Utils.toPositive(Utils.murmur2(subjectId.getBytes(StandardCharsets.UTF_8))) % partitions;
        boolean first = target < partitions / 2;
        String clientId = (first ? "0" : "~") + "-crashing-scoring-instance";
        if (first != (clientId.compareTo(applicationClientId) < 0)) {
            throw new IllegalStateException("cannot sort a client id around " + applicationClientId);
        }
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(TestTopics.RESPONSES));
        TopicPartition partition = new TopicPartition(TestTopics.RESPONSES, target);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // Records that come while joining were applied by the application and not yet committed (it
        // commits periodically): left alone, they reach the application again after the crash anyway.
        while (!consumer.assignment().contains(partition)) {
            if (System.nanoTime() > deadline) {
                consumer.close();
                throw new AssertionError("the rebalance did not hand " + partition + " to the new member: "
                        + consumer.assignment());
            }
            consumer.poll(Duration.ofMillis(200));
        }
        return new CrashingMember(consumer, partition);
    }

    /**
     * Polls the partition until {@code count} records of the tenant have come, and hands them to the
     * application's consumer method, as the channel would; commits nothing.
     *
     * @return the ids of the applied events
     */
    List<String> applyUntil(String tenant, int count, FeedbackConsumer application) throws SQLException {
        List<ConsumerRecord<String, String>> records = Kafka.until(consumer, tenant, Duration.ofSeconds(30),
                seen -> seen.size() >= count);
        application.responses(records.stream().map(ConsumerRecord::value).toList());
        return records.stream().map(r -> Kafka.header(r, "ce_id")).toList();
    }

    /**
     * Dies as a killed process would: no offset commit, no leave request (the group sees the member
     * go only when its session times out), and no further poll.
     */
    void crash() {
        crashed = true;
        consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(Duration.ZERO));
    }

    TopicPartition partition() {
        return partition;
    }

    @Override
    public void close() {
        if (!crashed) {
            consumer.close();
        }
    }
}
