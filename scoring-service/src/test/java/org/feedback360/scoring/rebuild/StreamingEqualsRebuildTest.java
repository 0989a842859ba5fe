package org.feedback360.scoring.rebuild;

import org.feedback360.testsupport.EventContract;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedback360.scoring.events.CycleEvent;
import org.feedback360.scoring.events.EventApplier;
import org.feedback360.scoring.events.FeedbackEvents;
import org.feedback360.scoring.events.ResponseEvent;
import org.feedback360.scoring.support.Kafka;
import org.feedback360.scoring.support.StoredState;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestEvents.CycleSpec;
import org.feedback360.scoring.support.TestTopics;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streaming equals batch (SCORING.md), on random cycles against the real database: events applied
 * one by one (or a few per transaction), in random order across subjects, with revisions, stale
 * revisions arriving late and redeliveries, leave exactly the aggregates and reports that a rebuild
 * from scratch computes, from the stored ratings and from a replay of the topics (to 1e-9; in fact
 * bit for bit).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class StreamingEqualsRebuildTest {

    static final int ROUNDS = 3;
    static final String[] LEADER_DIMENSIONS = {"TRUST=t1,t2,-t3", "COMMUNICATION=c1,c2", "PRESENCE=p1,-p2,p3,p4",
            "COMMITMENT=o1"};
    static final String[] FOLLOWER_DIMENSIONS = {"JUDGMENT=j1,j2,j3", "HONESTY=h1,-h2"};
    static final String[] COMMENTS = {"more one-to-ones", "keep the clarity", "listen first", "share context"};

    @Inject
    EventApplier applier;
    @Inject
    FeedbackEvents events;
    @Inject
    Rebuild rebuild;
    @Inject
    DataSource dataSource;

    @Test
    void streamingAggregatesEqualBothRebuilds() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Random random = new Random(4_711 + round);
            String tenant = TestEvents.tenant();
            List<ObjectNode> stream = randomStream(random, tenant);
            String context = "round " + round + " tenant " + tenant;

            applyOneByOne(stream, random);
            StoredState streamed = StoredState.of(dataSource, tenant);
            assertFalse(streamed.aggregates().isEmpty(), context);
            assertFalse(streamed.reports().isEmpty(), context + ": some cycles were released and complete");

            RebuildSummary fromStore = rebuild.fromStore(tenant);
            assertEquals(0, fromStore.aggregatesChanged(), context + " " + fromStore);
            assertEquals(0, fromStore.reportsChanged(), context + " " + fromStore);
            assertEquals(0, fromStore.reportsPublished(), context + " " + fromStore);
            assertEquals(streamed.aggregates().size(), fromStore.subjects(), context);
            assertNull(streamed.difference(StoredState.of(dataSource, tenant), 1e-9), context);

            // The same events through Kafka: the running consumer sees nothing new (all redeliveries)
            // and a replay of the topics from the beginning computes the same numbers.
            stream.forEach(e -> Kafka.send(e.path("type").asText().endsWith("ResponseSubmitted")
                    ? TestTopics.RESPONSES : TestTopics.CYCLES, key(e), e));
            RebuildSummary fromTopic = rebuild.fromTopic(tenant);
            assertEquals(0, fromTopic.aggregatesChanged(), context + " " + fromTopic);
            assertEquals(0, fromTopic.reportsChanged(), context + " " + fromTopic);
            assertEquals(fromStore.ratings(), fromTopic.ratings(), context);
            assertTrue(fromTopic.recordsRead() >= stream.size(), context);
            assertNull(streamed.difference(StoredState.of(dataSource, tenant), 1e-9), context);
        }
    }

    private static String key(ObjectNode event) {
        return event.path("type").asText().endsWith("ResponseSubmitted")
                ? event.path("data").path("subjectId").asText() : event.path("data").path("cycleId").asText();
    }

    /** The consumer's path, one event (or a few) per transaction, in the stream's order. */
    private void applyOneByOne(List<ObjectNode> stream, Random random) throws Exception {
        int i = 0;
        while (i < stream.size()) {
            ObjectNode event = stream.get(i);
            if (event.path("type").asText().endsWith("ResponseSubmitted")) {
                List<ResponseEvent> batch = new ArrayList<>();
                int size = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1;
                while (i < stream.size() && batch.size() < size
                        && stream.get(i).path("type").asText().endsWith("ResponseSubmitted")) {
                    batch.add(events.response(stream.get(i++).toString()).event());
                }
                applier.applyResponses(batch);
            } else {
                CycleEvent cycle = events.cycle(event.toString()).event();
                applier.applyCycle(cycle);
                i++;
            }
        }
    }

    /** Random cycles of one tenant as an event stream, responses in random order, with revisions and redeliveries. */
    static List<ObjectNode> randomStream(Random random, String tenant) {
        List<List<ObjectNode>> cycleEvents = new ArrayList<>();
        List<ObjectNode> responses = new ArrayList<>();
        int cycles = 2 + random.nextInt(2);
        for (int c = 0; c < cycles; c++) {
            boolean followership = random.nextInt(3) == 0;
            ObjectNode definition = followership
                    ? TestEvents.definition("followership", List.of("SELF", "MANAGER"), FOLLOWER_DIMENSIONS)
                    : TestEvents.definition("leader-follower", List.of("SELF", "MANAGER", "DIRECT_REPORT", "PEER", "OTHER"),
                    LEADER_DIMENSIONS);
            List<TestEvents.Subject> subjects = new ArrayList<>();
            int subjectCount = 1 + random.nextInt(4);
            for (int s = 0; s < subjectCount; s++) {
                subjects.add(new TestEvents.Subject("E-" + (100 + s), "Person " + s, random.nextBoolean() ? "en" : "de"));
            }
            CycleSpec cycle = new CycleSpec(tenant, UUID.randomUUID(), "Cycle " + c, definition, subjects,
                    2 + random.nextInt(3), random.nextInt(4) > 0);
            List<ObjectNode> cycleResponses = new ArrayList<>();
            List<String> items = items(followership ? FOLLOWER_DIMENSIONS : LEADER_DIMENSIONS);
            for (TestEvents.Subject subject : subjects) {
                cycleResponses.addAll(raters(random, cycle, subject.employeeId(), followership, items));
            }
            responses.addAll(cycleResponses);
            Map<String, TestEvents.Counts> completion = TestEvents.completionOf(cycleResponses);
            List<ObjectNode> lifecycle = new ArrayList<>(List.of(TestEvents.cycleEvent("CycleOpened", cycle, Map.of())));
            int fate = c == 0 ? 2 : random.nextInt(3); // 0 stays open, 1 closes, 2 closes and is released
            if (fate >= 1) {
                lifecycle.add(TestEvents.cycleEvent("CycleClosed", cycle, completion));
            }
            if (fate == 2) {
                lifecycle.add(TestEvents.cycleEvent("CycleReleased", cycle, completion));
            }
            cycleEvents.add(lifecycle);
        }
        // Redeliveries: the same events (same ids) again.
        List<ObjectNode> redelivered = new ArrayList<>();
        for (ObjectNode r : responses) {
            if (random.nextInt(5) == 0) {
                redelivered.add(r.deepCopy());
            }
        }
        responses.addAll(redelivered);
        Collections.shuffle(responses, random);
        // Cycle events at random places, each cycle's in order (they share a partition).
        List<ObjectNode> stream = new ArrayList<>(responses);
        for (List<ObjectNode> lifecycle : cycleEvents) {
            int at = 0;
            for (ObjectNode event : lifecycle) {
                at = at + random.nextInt(stream.size() - at + 1);
                stream.add(at++, event);
            }
            if (random.nextInt(4) == 0) {
                stream.add(random.nextInt(stream.size() + 1), lifecycle.get(0).deepCopy()); // a redelivered CycleOpened
            }
        }
        for (ObjectNode event : stream) {
            assertEquals(List.of(), EventContract.FEEDBACK.violations(event));
        }
        return stream;
    }

    private static List<String> items(String[] dimensions) {
        List<String> items = new ArrayList<>();
        for (String d : dimensions) {
            for (String item : d.split("=")[1].split(",")) {
                items.add(item.replace("-", ""));
            }
        }
        return items;
    }

    /** Every revision of every rater of a subject; revisions may be out of order in the stream. */
    private static List<ObjectNode> raters(Random random, CycleSpec cycle, String subject, boolean followership,
                                           List<String> items) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        if (random.nextInt(5) > 0) {
            groups.put("SELF", 1);
        }
        groups.put("MANAGER", random.nextInt(4) > 0 ? 1 : 0);
        if (!followership) {
            groups.put("DIRECT_REPORT", random.nextInt(7));
            groups.put("PEER", random.nextInt(5));
            groups.put("OTHER", random.nextInt(4));
        }
        List<ObjectNode> events = new ArrayList<>();
        Map<String, Integer> serial = new HashMap<>();
        groups.forEach((group, count) -> {
            for (int r = 0; r < count; r++) {
                String key = TestEvents.raterKey(cycle.cycleId() + subject + group + serial.merge(group, 1, Integer::sum));
                int revisions = 1 + random.nextInt(3);
                for (int revision = 1; revision <= revisions; revision++) {
                    events.add(TestEvents.response(cycle.tenant(), cycle.cycleId(), subject, key, group, revision,
                            answers(random, items), comments(random)));
                }
            }
        });
        return events;
    }

    private static Map<String, Integer> answers(Random random, List<String> items) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String item : items) {
            answers.put(item, random.nextInt(5) == 0 ? null : 1 + random.nextInt(5));
        }
        return answers;
    }

    private static Map<String, String> comments(Random random) {
        return random.nextBoolean() ? Map.of("keep-doing", COMMENTS[random.nextInt(COMMENTS.length)]) : Map.of();
    }
}
