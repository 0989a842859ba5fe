package org.feedback360.notification.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedback360.support.kafka.KafkaSettings;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the service's consumer group has read every assignment event that was published when an
 * invitation round came due. A round invites the raters whose assignments are known; one sent while
 * some are still unread invites those raters now and again, for the rest, in a later round. That
 * happens after a crash: the group keeps the dead member's partitions until its session times out
 * (45 s by default), and the restarted service would meanwhile send the round it finds due.
 *
 * <p>Asked of Kafka's group offsets, not of this instance's consumer: another instance may hold the
 * partitions. The end offsets are taken when a round is first found due (kept in memory: after a
 * restart they are taken again, later, which only waits longer); the committed offsets trail what
 * was processed by the commit interval. A group that does not catch up within the maximum wait (a
 * consumer stuck, Kafka away) no longer holds invitations back: late or twice is better than never.
 */
@ApplicationScoped
class AssignmentBacklog {

    private static final Logger LOG = Logger.getLogger(AssignmentBacklog.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "mp.messaging.incoming.assignments.topic")
    String topic;
    @ConfigProperty(name = "mp.messaging.incoming.assignments.group.id")
    String group;
    @ConfigProperty(name = "notification.invitation.max-backlog-wait")
    Duration maxWait;

    private record Target(Map<TopicPartition, Long> endOffsets, Instant since) {
    }

    private final Map<UUID, Target> targets = new ConcurrentHashMap<>();
    private volatile Admin admin;

    /**
     * The rounds, of those given, that may go now: the group has read what was published when each
     * was first asked about, or it has waited the maximum. Kafka is asked at most twice a call (end
     * offsets for rounds new to it, the group's committed offsets), whatever the number of rounds.
     */
    Set<UUID> caughtUp(Collection<UUID> roundIds) {
        // This instance lets its own rounds go at the maximum wait: a target twice as old is of a round
        // that another instance sent or skipped, and is forgotten.
        Instant now = Instant.now();
        targets.values().removeIf(t -> t.since().isBefore(now.minus(maxWait.multipliedBy(2))));
        List<UUID> fresh = roundIds.stream().filter(id -> !targets.containsKey(id)).toList();
        Map<TopicPartition, Long> ends = fresh.isEmpty() ? null : ask("end offsets", this::endOffsets);
        Map<UUID, Target> asked = new HashMap<>();
        roundIds.forEach(id -> asked.put(id, targets.computeIfAbsent(id, x -> new Target(ends, now))));
        Map<TopicPartition, OffsetAndMetadata> committed = asked.values().stream().anyMatch(t -> t.endOffsets() != null)
                ? ask("committed offsets", this::committedOffsets) : null;
        Set<UUID> ready = new HashSet<>();
        asked.forEach((id, target) -> {
            if (hasRead(target.endOffsets(), committed)) {
                ready.add(id);
            } else if (Duration.between(target.since(), now).compareTo(maxWait) >= 0) {
                LOG.warnf("Invitation round %s goes out although consumer group %s has not read %s up to where it "
                        + "stood %s ago: raters whose assignments are still unread will be invited again for them",
                        id, group, topic, maxWait);
                ready.add(id);
            }
        });
        ready.forEach(targets::remove);
        return ready;
    }

    /** What Kafka answered, or null when it could not be asked (away, slow): the backlog is then unknown. */
    private <T> T ask(String what, KafkaQuery<T> query) {
        try {
            return query.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("Cannot read the %s of %s on %s: %s", what, group, topic, e);
            return null;
        }
    }

    @FunctionalInterface
    private interface KafkaQuery<T> {
        T get() throws ExecutionException, InterruptedException, TimeoutException;
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin().describeTopics(List.of(topic)).allTopicNames().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        ends.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets()
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** False when it cannot be told: Kafka could not be asked. Empty partitions need no reading. */
    private static boolean hasRead(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, OffsetAndMetadata> committed) {
        if (endOffsets == null) {
            return false;
        }
        for (var end : endOffsets.entrySet()) {
            OffsetAndMetadata read = committed == null ? null : committed.get(end.getKey());
            if (end.getValue() > 0 && (read == null || read.offset() < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** One admin client, made on first use from the Kafka extension's settings. */
    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = KafkaSettings.forClient(kafkaConfig, AdminClientConfig.configNames());
                    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "notification-service-backlog");
                    admin = Admin.create(config);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
