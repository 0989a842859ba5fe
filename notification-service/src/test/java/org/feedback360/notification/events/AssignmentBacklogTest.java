package org.feedback360.notification.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.feedback360.notification.NotificationTestResources.KAFKA;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AssignmentBacklog} against the real broker: a topic and a consumer group of each test's own,
 * the group's reading played by committing its offsets through the admin API, as a consumer's
 * commit would leave them.
 */
class AssignmentBacklogTest {

    private static final int PARTITIONS = 3;

    private final String topic = "notification-test.backlog." + UUID.randomUUID();
    private final String group = "notification-test-backlog-" + UUID.randomUUID();
    private Admin admin;
    private KafkaProducer<String, String> producer;
    private AssignmentBacklog backlog;

    @BeforeEach
    void createTopic() throws Exception {
        admin = Admin.create(Map.of("bootstrap.servers", KAFKA));
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", KAFKA), new StringSerializer(), new StringSerializer());
        backlog = backlog(KAFKA, Duration.ofMinutes(5));
    }

    @AfterEach
    void deleteTopic() throws Exception {
        backlog.close();
        producer.close();
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) { // a test that committed nothing
                throw e;
            }
        }
        admin.deleteTopics(List.of(topic)).all().get();
        admin.close();
    }

    @Test
    void aRoundWaitsUntilTheGroupHasCommittedEveryPartitionUpToWhereItStoodWhenTheRoundCameDue() throws Exception {
        Map<TopicPartition, Long> published = publishOnEveryPartition(2);
        UUID round = UUID.randomUUID();
        assertFalse(clear(round), "nothing read yet");

        Map<TopicPartition, Long> allButOne = new HashMap<>(published);
        allButOne.remove(new TopicPartition(topic, 0));
        commit(allButOne);
        assertFalse(clear(round), "one partition unread: another instance may hold it");

        commit(Map.of(new TopicPartition(topic, 0), published.get(new TopicPartition(topic, 0)) - 1));
        assertFalse(clear(round), "the last event of a partition unread");

        Map<TopicPartition, Long> later = publishOnEveryPartition(1);
        commit(published);
        assertTrue(clear(round), "read up to where the topic stood when the round came due; "
                + "what was published later (" + later + ") does not hold the round back");
    }

    @Test
    void aRoundDueOnAnEmptyTopicGoesAtOnce() {
        assertTrue(clear(UUID.randomUUID()));
    }

    @Test
    void aGroupThatDoesNotCatchUpHoldsTheRoundBackNoLongerThanTheMaximumWait() throws Exception {
        backlog = backlog(KAFKA, Duration.ofSeconds(1));
        publishOnEveryPartition(1);
        UUID round = UUID.randomUUID();
        assertFalse(clear(round));
        Thread.sleep(1_100);
        assertTrue(clear(round), "late or twice is better than never");
    }

    @Test
    void whenKafkaCannotBeAskedTheRoundWaitsTheMaximumWaitThenGoes() throws Exception {
        Duration maxWait = Duration.ofSeconds(6); // longer than the admin client's own timeouts (below)
        backlog = backlog("127.0.0.1:" + closedPort(), maxWait);
        UUID round = UUID.randomUUID();
        long asked = System.nanoTime();
        assertFalse(clear(round), "Kafka away: the backlog is unknown, not empty");
        Thread.sleep(Math.max(0, maxWait.toMillis() - (System.nanoTime() - asked) / 1_000_000 + 100));
        assertTrue(clear(round));
    }

    private boolean clear(UUID round) {
        return backlog.caughtUp(List.of(round)).contains(round);
    }

    private AssignmentBacklog backlog(String bootstrap, Duration maxWait) {
        if (backlog != null) {
            backlog.close();
        }
        AssignmentBacklog b = new AssignmentBacklog();
        b.kafkaConfig = Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 2_000, "default.api.timeout.ms", 4_000);
        b.topic = topic;
        b.group = group;
        b.maxWait = maxWait;
        return b;
    }

    /** The end offset of every partition after publishing {@code perPartition} events to each. */
    private Map<TopicPartition, Long> publishOnEveryPartition(int perPartition) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            for (int i = 0; i < perPartition; i++) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, partition, "key", "{}")).get();
                ends.put(new TopicPartition(topic, partition), sent.offset() + 1);
            }
        }
        return ends;
    }

    private void commit(Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
