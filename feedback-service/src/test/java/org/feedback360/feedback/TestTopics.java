package org.feedback360.feedback;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates this module's test topics on the shared broker before the application starts, with
 * the production partition counts, so the relay never auto-creates them with one partition.
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    public static final String PREFIX = "feedback-test.";
    public static final String CYCLES = PREFIX + "feedback.cycles";
    public static final String ASSIGNMENTS = PREFIX + "feedback.assignments";
    public static final String RESPONSES = PREFIX + "feedback.responses";

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            for (NewTopic topic : List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(ASSIGNMENTS, 12, (short) 1),
                    new NewTopic(RESPONSES, 12, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
