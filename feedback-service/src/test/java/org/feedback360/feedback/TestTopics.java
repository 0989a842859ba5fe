package org.feedback360.feedback;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.NewTopic;
import org.feedback360.testsupport.TestKafka;

import java.util.List;
import java.util.Map;

/**
 * Creates this module's test topics on the shared broker before the application starts, with
 * the production partition counts, so the relay never auto-creates them with one partition.
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX = "feedback-test.";
    public static final String CYCLES = PREFIX + "feedback.cycles";
    public static final String ASSIGNMENTS = PREFIX + "feedback.assignments";
    public static final String RESPONSES = PREFIX + "feedback.responses";

    @Override
    public Map<String, String> start() {
        TestKafka.createTopics(List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(ASSIGNMENTS, 12, (short) 1),
                new NewTopic(RESPONSES, 12, (short) 1)));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
