package org.feedback360.scoring.support;

import org.feedback360.testsupport.EventContract;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.events.EventApplier;
import org.feedback360.scoring.events.FeedbackEvents;
import org.feedback360.scoring.support.TestEvents.CycleSpec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts cycles into the service's state through the consumer's own code path (EventApplier, real
 * database), without the wait of a Kafka round trip: for the API tests. The Kafka path itself is
 * tested by ScoringFlowTest.
 */
@ApplicationScoped
public class Seed {

    @Inject
    EventApplier applier;
    @Inject
    FeedbackEvents events;

    /** A cycle of the worked example's instrument with the given subjects (English). */
    public CycleSpec cycle(String tenant, String name, String... subjects) {
        return new CycleSpec(tenant, UUID.randomUUID(), name, TestEvents.workedExampleDefinition(),
                java.util.Arrays.stream(subjects).map(s -> new TestEvents.Subject(s, "Name of " + s, "en")).toList(),
                3, true);
    }

    /** Opens the cycle and submits the worked example's responses about each of its subjects. */
    public CycleSpec open(CycleSpec cycle) throws Exception {
        apply(TestEvents.cycleEvent("CycleOpened", cycle, Map.of()));
        for (TestEvents.Subject subject : cycle.subjects()) {
            for (ObjectNode response : WorkedExample.responses(cycle.tenant(), cycle.cycleId(), subject.employeeId())) {
                apply(response);
            }
        }
        return cycle;
    }

    /** Closes and releases the cycle with every worked-example response counted. */
    public CycleSpec release(CycleSpec cycle, Instant releasedAt) throws Exception {
        List<ObjectNode> responses = new java.util.ArrayList<>();
        cycle.subjects().forEach(s -> responses.addAll(WorkedExample.responses(cycle.tenant(), cycle.cycleId(), s.employeeId())));
        Map<String, TestEvents.Counts> completion = TestEvents.completionOf(responses);
        apply(TestEvents.cycleEvent("CycleClosed", cycle, completion));
        ObjectNode released = TestEvents.cycleEvent("CycleReleased", cycle, completion);
        ((ObjectNode) released.get("data")).put("releasedAt", releasedAt.toString());
        apply(released);
        return cycle;
    }

    public CycleSpec openAndRelease(CycleSpec cycle) throws Exception {
        return release(open(cycle), Instant.now());
    }

    public void apply(ObjectNode event) throws Exception {
        List<String> violations = EventContract.FEEDBACK.violations(event);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("test event breaks the contract: " + violations);
        }
        if (event.path("type").asText().endsWith("ResponseSubmitted")) {
            applier.applyResponses(List.of(events.response(event.toString()).event()));
        } else {
            applier.applyCycle(events.cycle(event.toString()).event());
        }
    }
}
