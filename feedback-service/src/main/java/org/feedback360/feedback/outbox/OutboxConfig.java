package org.feedback360.feedback.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "feedback.outbox")
public interface OutboxConfig {

    /** Put before every topic name, e.g. {@code feedback-test.} so test runs never touch the real topics. */
    Optional<String> topicPrefix();

    /** How often the relay looks for unpublished rows (read by the scheduler; "off" stops it). */
    @WithDefault("1s")
    String interval();

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
