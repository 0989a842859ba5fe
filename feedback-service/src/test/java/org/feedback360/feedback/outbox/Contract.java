package org.feedback360.feedback.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event contract in {@code contract/}, read from the files consumers read too. */
final class Contract {

    static final Path DIR = Path.of("contract").toAbsolutePath();
    private static final String BASE = "https://feedback360.org/contracts/feedback/";
    private static final Map<String, String> DATA_SCHEMA = Map.of(
            "org.feedback360.CycleOpened", "cycle-event.schema.json",
            "org.feedback360.CycleClosed", "cycle-event.schema.json",
            "org.feedback360.CycleReleased", "cycle-event.schema.json",
            "org.feedback360.AssignmentCreated", "assignment-event.schema.json",
            "org.feedback360.AssignmentCancelled", "assignment-event.schema.json",
            "org.feedback360.AssignmentSubmitted", "assignment-event.schema.json",
            "org.feedback360.ResponseSubmitted", "response-submitted.schema.json");

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, DIR.toUri().toString())));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /** Every violation of the envelope and of the data schema its type names; empty when valid. */
    List<String> violations(JsonNode event) {
        List<String> found = new ArrayList<>();
        found.addAll(messages("envelope", schema("envelope.schema.json").validate(event)));
        String dataSchema = DATA_SCHEMA.get(event.path("type").asText());
        if (dataSchema == null) {
            found.add("unknown type " + event.path("type"));
        } else {
            found.addAll(messages("data", schema(dataSchema).validate(event.path("data"))));
        }
        return found;
    }

    private JsonSchema schema(String file) {
        return factory.getSchema(SchemaLocation.of(BASE + file), config);
    }

    private static List<String> messages(String where, Set<ValidationMessage> messages) {
        return messages.stream().map(m -> where + ": " + m.getMessage()).toList();
    }
}
