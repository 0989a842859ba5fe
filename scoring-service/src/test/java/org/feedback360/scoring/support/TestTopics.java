package org.feedback360.scoring.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.NewTopic;
import org.feedback360.testsupport.TestKafka;

import java.util.List;
import java.util.Map;

/**
 * Creates this module's test topics on the shared broker before the application starts, with the
 * production partition counts (the broker does not auto-create topics).
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX = "scoring-test.";
    public static final String CYCLES = PREFIX + "feedback.cycles";
    public static final String RESPONSES = PREFIX + "feedback.responses";
    public static final String REPORTS = PREFIX + "scoring.reports";

    @Override
    public Map<String, String> start() {
        TestKafka.createTopics(List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(RESPONSES, 12, (short) 1),
                new NewTopic(REPORTS, 12, (short) 1)));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
