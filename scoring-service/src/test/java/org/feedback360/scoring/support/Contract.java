package org.feedback360.scoring.support;

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

/**
 * An event contract read from the files its owner publishes: feedback-service/contract for what
 * this service consumes, scoring-service/contract for what it produces.
 */
public final class Contract {

    public static final Contract FEEDBACK = new Contract(Path.of("../feedback-service/contract"),
            "https://feedback360.org/contracts/feedback/", Map.of(
            "org.feedback360.CycleOpened", "cycle-event.schema.json",
            "org.feedback360.CycleClosed", "cycle-event.schema.json",
            "org.feedback360.CycleReleased", "cycle-event.schema.json",
            "org.feedback360.ResponseSubmitted", "response-submitted.schema.json"));
    public static final Contract SCORING = new Contract(Path.of("contract"),
            "https://feedback360.org/contracts/scoring/", Map.of(
            "org.feedback360.ReportPublished", "report-published.schema.json"));

    private final Path dir;
    private final String base;
    private final Map<String, String> dataSchemas;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Contract(Path dir, String base, Map<String, String> dataSchemas) {
        this.dir = dir.toAbsolutePath().normalize();
        this.base = base;
        this.dataSchemas = dataSchemas;
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(base, this.dir.toUri().toString())));
    }

    public Path dir() {
        return dir;
    }

    /** Every violation of the envelope and of the data schema its type names; empty when valid. */
    public List<String> violations(JsonNode event) {
        List<String> found = new ArrayList<>(messages("envelope", schema("envelope.schema.json").validate(event)));
        String dataSchema = dataSchemas.get(event.path("type").asText());
        if (dataSchema == null) {
            found.add("unknown type " + event.path("type"));
        } else {
            found.addAll(messages("data", schema(dataSchema).validate(event.path("data"))));
        }
        return found;
    }

    private JsonSchema schema(String file) {
        return factory.getSchema(SchemaLocation.of(base + file), config);
    }

    private static List<String> messages(String where, Set<ValidationMessage> messages) {
        return messages.stream().map(m -> where + ": " + m.getMessage()).toList();
    }
}
