package org.feedback360.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seeded events against feedback-service/contract: what scoring-service reads must be what feedback-service writes. */
class SeedTest {

    static final Path REPO = Path.of("../../..");
    static final String BASE = "https://feedback360.org/contracts/feedback/";
    final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, REPO.resolve("feedback-service/contract").toUri().toString())));
    final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @Test
    void cycleAndResponseEventsFollowTheContract() throws Exception {
        ObjectNode definition = (ObjectNode) Http.JSON.readTree(REPO.resolve(Seed.INSTRUMENT).toFile());
        int version = definition.remove("version").asInt();
        Map<String, Object> cycle = Seed.cycle("bench-rebuild", 12, 3, version, definition, Instant.now(), 2);
        Map<String, Object> response = Seed.response((String) cycle.get("cycleId"), "L-2-0001", 0,
                Seed.items(definition), new Random(1));
        List<String> problems = new ArrayList<>();
        problems.addAll(violations(Seed.envelope(UUID.randomUUID().toString(), "CycleOpened", "bench-rebuild",
                (String) cycle.get("cycleId"), cycle, Instant.now()), "cycle-event.schema.json"));
        problems.addAll(violations(Seed.envelope(UUID.randomUUID().toString(), "ResponseSubmitted", "bench-rebuild",
                "L-2-0001", response, Instant.now()), "response-submitted.schema.json"));
        assertEquals(List.of(), problems);
        assertEquals(33, ((Map<?, ?>) response.get("answers")).size());
    }

    private List<String> violations(Map<String, Object> event, String dataSchema) {
        JsonNode node = Http.JSON.valueToTree(event);
        List<String> found = new ArrayList<>();
        found.addAll(messages(factory.getSchema(SchemaLocation.of(BASE + "envelope.schema.json"), config).validate(node)));
        found.addAll(messages(factory.getSchema(SchemaLocation.of(BASE + dataSchema), config).validate(node.path("data"))));
        return found;
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).toList();
    }
}
