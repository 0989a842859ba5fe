package org.feedback360.feedback.outbox;

import org.feedback360.testsupport.EventContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.feedback360.feedback.Scenario;
import org.feedback360.feedback.TestTopics;
import org.feedback360.feedback.TopicReader;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.feedback360.feedback.Api.asEmployee;
import static org.feedback360.feedback.Api.asHr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a whole cycle and checks every event that reaches Kafka against contract/: its
 * envelope, its data schema, its topic, key and CloudEvents headers.
 */
@QuarkusTest
@WithTestResource(value = TestTopics.class, scope = TestResourceScope.GLOBAL)
class EventContractTest {

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    private final EventContract contract = EventContract.FEEDBACK;

    @Test
    void theContractsOwnExamplesAreValid() throws IOException {
        try (Stream<Path> files = Files.list(contract.dir().resolve("examples"))) {
            for (Path file : files.toList()) {
                assertEquals(List.of(), contract.violations(json.readTree(file.toFile())), file.toString());
            }
        }
        JsonNode broken = json.readTree(contract.dir().resolve("examples/ResponseSubmitted.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("data")).put("raterId", "fay");
        assertTrue(!contract.violations(broken).isEmpty(), "the validator must catch a rater id on feedback.responses");
    }

    @Test
    void everyEventOfACycleReachesItsTopicAsTheContractSays() throws IOException {
        try (TopicReader reader = new TopicReader(TestTopics.CYCLES, TestTopics.ASSIGNMENTS, TestTopics.RESPONSES)) {
            Scenario s = new Scenario();
            UUID cycle = s.openCycle("leo");
            String nomination = asEmployee(s.tenant, "leo").contentType(ContentType.JSON).body("{\"peerEmployeeId\": \"ola\"}")
                    .post("/api/v1/cycles/" + cycle + "/nominations").then().statusCode(201).extract().path("id");
            asEmployee(s.tenant, "dora").post("/api/v1/cycles/" + cycle + "/nominations/" + nomination + "/approve")
                    .then().statusCode(200);
            s.submit("fay", s.assignment("fay", "leo"), "{\"answers\": {\"trust-1\": 4, \"trust-2\": null}, \"comments\": {\"keep-doing\": \"Listens.\"}}");
            s.submit("ola", s.assignment("ola", "leo"), "{\"answers\": {\"trust-1\": 5}}");
            // fay revises: her latest revision is 2, so the completion's revisions for leo are 2 + 1.
            assertEquals(2, s.submit("fay", s.assignment("fay", "leo"), "{\"answers\": {\"trust-1\": 3}}"));
            // gus leaves before answering: his assignment is cancelled.
            asHr(s.tenant).post("/api/v1/people/gus/deactivate").then().statusCode(200);
            s.command(cycle, "close");
            s.command(cycle, "release");

            List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() ->
                    outbox.list("tenantId = ?1 order by createdAt", s.tenant));
            // open: CycleOpened + 6 AssignmentCreated; approval: 1; three submissions: 3 × 2; gus; close; release.
            assertEquals(1 + 6 + 1 + 6 + 1 + 1 + 1, rows.size());
            Set<String> ids = rows.stream().map(r -> r.id.toString()).collect(Collectors.toSet());
            List<ConsumerRecord<String, String>> records = reader.until(s.tenant, Duration.ofSeconds(30),
                    seen -> seen.stream().map(r -> TopicReader.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(ids));
            assertEquals(ids, records.stream().map(r -> TopicReader.header(r, "ce_id")).collect(Collectors.toSet()));

            Map<String, JsonNode> byType = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode event = json.readTree(r.value());
                String type = event.path("type").asText();
                assertEquals(List.of(), contract.violations(event), type + " " + r.value());
                assertEquals(event.path("id").asText(), TopicReader.header(r, "ce_id"));
                assertEquals(type, TopicReader.header(r, "ce_type"));
                assertEquals(s.tenant, TopicReader.header(r, "ce_tenant"));
                String expectedTopic = type.matches(".*Cycle.*") ? TestTopics.CYCLES
                        : type.endsWith("ResponseSubmitted") ? TestTopics.RESPONSES : TestTopics.ASSIGNMENTS;
                assertEquals(expectedTopic, r.topic(), type);
                assertEquals(expectedTopic.equals(TestTopics.CYCLES) ? cycle.toString() : "leo", r.key(), type);
                byType.putIfAbsent(type, event);
            }
            assertEquals(Set.of("org.feedback360.CycleOpened", "org.feedback360.AssignmentCreated",
                    "org.feedback360.AssignmentSubmitted", "org.feedback360.ResponseSubmitted",
                    "org.feedback360.AssignmentCancelled",
                    "org.feedback360.CycleClosed", "org.feedback360.CycleReleased"), byType.keySet());

            JsonNode opened = byType.get("org.feedback360.CycleOpened").path("data");
            assertEquals("leader-follower", opened.path("instrument").path("definition").path("key").asText());
            assertEquals(11, opened.path("instrument").path("definition").path("dimensions").size());
            assertEquals("leo@" + s.tenant + ".example", opened.path("subjects").get(0).path("email").asText());
            assertEquals("hana@" + s.tenant + ".example", opened.path("owner").path("email").asText());
            assertEquals("de", opened.path("owner").path("locale").asText());
            assertTrue(opened.path("completion").isMissingNode());
            JsonNode closed = byType.get("org.feedback360.CycleClosed").path("data");
            assertEquals(6, closed.path("completion").path("assignments").asInt(), "gus's cancelled assignment does not count");
            assertEquals(2, closed.path("completion").path("submitted").asInt());
            assertEquals(2, closed.path("completion").path("bySubject").path("leo").path("submitted").asInt());
            assertEquals(3, closed.path("completion").path("bySubject").path("leo").path("revisions").asInt(),
                    "fay's latest revision 2 plus ola's 1: what scoring must have stored before freezing leo's report");
            JsonNode released = byType.get("org.feedback360.CycleReleased").path("data");
            assertEquals(closed.path("completion"), released.path("completion"), "responses end with the close");
            for (JsonNode subject : closed.path("subjects")) {
                String id = subject.path("employeeId").asText();
                assertTrue(closed.path("completion").path("bySubject").path(id).has("revisions"), id + " has a sum, 0 included");
            }
            assertEquals("RELEASED", byType.get("org.feedback360.CycleReleased").path("data").path("state").asText());
            assertEquals("gus", byType.get("org.feedback360.AssignmentCancelled").path("data").path("rater").path("employeeId").asText());
            JsonNode created = byType.get("org.feedback360.AssignmentCreated").path("data");
            assertEquals("Leo Leader", created.path("subject").path("name").asText());
            assertTrue(created.path("rater").path("email").asText().endsWith("@" + s.tenant + ".example"));
        }
    }
}
