package org.feedback360.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The producing service's outbox: what it calls itself in events, and how the relay runs. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event, e.g. {@code urn:feedback360:feedback-service}. */
    String source();

    /** Put before every topic name, e.g. {@code feedback-test.} so test runs never touch the real topics. */
    Optional<String> topicPrefix();

    /** How often the relay looks for unpublished rows (read by the scheduler; "off" stops it). */
    @WithDefault("1s")
    String interval();

    /**
     * How long the relay waits, after a commit that recorded events, before it runs: commits in that
     * time share one batch. Negative: no run on commit, only on the schedule.
     */
    @WithDefault("5ms")
    Duration wakeDelay();

    /** Rows claimed per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long a batch waits for the broker's acknowledgements before giving up (rows stay unpublished). */
    @WithDefault("20s")
    Duration ackTimeout();

    default String topic(String logicalTopic) {
        return topicPrefix().orElse("") + logicalTopic;
    }
}
