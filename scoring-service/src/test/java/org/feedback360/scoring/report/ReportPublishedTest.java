package org.feedback360.scoring.report;

import org.feedback360.testsupport.EventContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.scoring.support.Seed;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestEvents.CycleSpec;
import org.feedback360.scoring.support.TestTopics;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ReportPublished as recorded in the outbox, checked against scoring-service/contract (the Kafka
 * path itself is in ScoringFlowTest): a followership report announces the MANAGER basis.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ReportPublishedTest {

    @Inject
    Seed seed;
    @Inject
    DataSource dataSource;

    @Test
    void theContractsOwnExampleIsValid() throws Exception {
        JsonNode example = TestEvents.JSON.readTree(Files.readString(EventContract.SCORING.dir().resolve("examples/ReportPublished.json")));
        assertEquals(List.of(), EventContract.SCORING.violations(example));
    }

    @Test
    void aFollowershipReportIsAnnouncedOnTheManagerBasis() throws Exception {
        String tenant = TestEvents.tenant();
        CycleSpec cycle = new CycleSpec(tenant, UUID.randomUUID(), "Followership spring",
                TestEvents.definition("followership", List.of("SELF", "MANAGER"), "JUDGMENT=j1,j2", "HONESTY=h1,-h2"),
                List.of(new TestEvents.Subject("E-0301", "Fay Follower", "de")), 3, true);
        seed.apply(TestEvents.cycleEvent("CycleOpened", cycle, Map.of()));
        List<ObjectNode> responses = List.of(response(cycle, "self", "SELF", 5, 4, 4, 2),
                response(cycle, "manager", "MANAGER", 3, 4, 4, 1));
        for (ObjectNode r : responses) {
            seed.apply(r);
        }
        Map<String, TestEvents.Counts> completion = TestEvents.completionOf(responses);
        seed.apply(TestEvents.cycleEvent("CycleClosed", cycle, completion));
        seed.apply(TestEvents.cycleEvent("CycleReleased", cycle, completion));

        JsonNode event = outboxEvent(new SubjectKey(tenant, cycle.cycleId(), "E-0301"));
        assertEquals(List.of(), EventContract.SCORING.violations(event), event.toString());
        assertEquals("MANAGER", event.path("data").path("followersBasis").asText());
        // JUDGMENT self 4.5, manager 3.5; HONESTY (h2 reversed) self 4, manager 4.5: AI = 1 − (1 + 0.5) / (2 × 4)
        assertEquals(0.8125, event.path("data").path("alignmentIndex").asDouble(), 1e-9);
        assertEquals("de", event.path("data").path("subject").path("locale").asText());
        assertTrue(Instant.parse(event.path("data").path("publishedAt").asText()).isBefore(Instant.now().plusSeconds(1)));
    }

    /** A release recomputes its subjects in chunks, within the one transaction of the event: none left out. */
    @Test
    void aReleaseOfMoreSubjectsThanOneChunkFreezesAndAnnouncesEachOnce() throws Exception {
        String tenant = TestEvents.tenant();
        int size = 2 * org.feedback360.scoring.aggregate.AggregateService.CHUNK + 7;
        List<TestEvents.Subject> subjects = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> new TestEvents.Subject("E-%04d".formatted(1000 + i), "Person " + i, "en")).toList();
        CycleSpec cycle = new CycleSpec(tenant, UUID.randomUUID(), "Followership, whole company",
                TestEvents.definition("followership", List.of("SELF", "MANAGER"), "JUDGMENT=j1,j2", "HONESTY=h1,-h2"),
                subjects, 3, true);
        seed.apply(TestEvents.cycleEvent("CycleOpened", cycle, Map.of()));
        List<ObjectNode> responses = new java.util.ArrayList<>();
        for (TestEvents.Subject subject : subjects) {
            responses.add(response(cycle, subject.employeeId(), "self-" + subject.employeeId(), "SELF", 5, 4, 4, 2));
            responses.add(response(cycle, subject.employeeId(), "manager-" + subject.employeeId(), "MANAGER", 3, 4, 4, 1));
        }
        for (ObjectNode r : responses) {
            seed.apply(r);
        }
        Map<String, TestEvents.Counts> completion = TestEvents.completionOf(responses);
        seed.apply(TestEvents.cycleEvent("CycleClosed", cycle, completion));
        seed.apply(TestEvents.cycleEvent("CycleReleased", cycle, completion));

        assertEquals(size, count("SELECT count(*) FROM report WHERE tenant_id = ? AND cycle_id::text = ?", tenant, cycle.cycleId()));
        assertEquals(size, count("SELECT count(*) FROM outbox_event WHERE event_type = 'org.feedback360.ReportPublished'"
                + " AND tenant_id = ? AND payload->'data'->>'cycleId' = ?", tenant, cycle.cycleId()));
        JsonNode last = outboxEvent(new SubjectKey(tenant, cycle.cycleId(), subjects.get(size - 1).employeeId()));
        assertEquals(0.8125, last.path("data").path("alignmentIndex").asDouble(), 1e-9);
    }

    private long count(String sql, String tenant, UUID cycleId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            s.setString(2, cycleId.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static ObjectNode response(CycleSpec cycle, String rater, String group, Integer... answers) {
        return response(cycle, "E-0301", rater, group, answers);
    }

    private static ObjectNode response(CycleSpec cycle, String subject, String rater, String group, Integer... answers) {
        Map<String, Integer> map = new LinkedHashMap<>();
        String[] items = {"j1", "j2", "h1", "h2"};
        for (int i = 0; i < items.length; i++) {
            map.put(items[i], answers[i]);
        }
        return TestEvents.response(cycle.tenant(), cycle.cycleId(), subject, TestEvents.raterKey(rater), group, 1, map,
                Map.of());
    }

    private JsonNode outboxEvent(SubjectKey subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT payload::text FROM outbox_event WHERE id = ?")) {
            s.setObject(1, ReportPublisher.eventId(subject));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "ReportPublished recorded under its name-based id");
                return TestEvents.JSON.readTree(r.getString(1));
            }
        }
    }
}
