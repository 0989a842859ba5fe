package org.feedback360.support.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Settings for a Kafka client a service builds itself, taken from the Kafka extension's shared map. */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    /**
     * The settings a client of one kind knows, in a new map the caller may add to.
     *
     * @param all   the extension's settings ({@code @Identifier("default-kafka-broker")}), which mix
     *              in those of every kind of client
     * @param known the kind's names: {@code ProducerConfig.configNames()}, {@code ConsumerConfig.configNames()},
     *              {@code AdminClientConfig.configNames()}
     */
    public static Map<String, Object> forClient(Map<String, Object> all, Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        all.forEach((name, value) -> {
            if (known.contains(name)) {
                config.put(name, value);
            }
        });
        return config;
    }
}
