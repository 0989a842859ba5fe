package org.feedback360.scoring.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates this module's test topics on the shared broker before the application starts, with the
 * production partition counts (the broker does not auto-create topics).
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    public static final String PREFIX = "scoring-test.";
    public static final String CYCLES = PREFIX + "feedback.cycles";
    public static final String RESPONSES = PREFIX + "feedback.responses";
    public static final String REPORTS = PREFIX + "scoring.reports";

    @Override
    public Map<String, String> start() {
        create(List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(RESPONSES, 12, (short) 1),
                new NewTopic(REPORTS, 12, (short) 1)));
        return Map.of();
    }

    public static void create(List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            for (NewTopic topic : topics) {
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
    }

    @Override
    public void stop() {
    }
}
