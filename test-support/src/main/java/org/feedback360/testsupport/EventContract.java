package org.feedback360.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event contract as its producer publishes it ({@code <service>/contract}: envelope and data
 * JSON Schemas, one example per type). Producer and consumers test against the same files: the
 * producer that every event it emits is valid, a consumer that every event it is fed could
 * really be sent. Paths are relative to a service module, where Maven runs its tests.
 */
public final class EventContract {

    /** What feedback-service publishes on feedback.cycles, feedback.assignments and feedback.responses. */
    public static final EventContract FEEDBACK = new EventContract(Path.of("../feedback-service/contract"),
            "https://feedback360.org/contracts/feedback/", Map.of(
            "org.feedback360.CycleOpened", "cycle-event.schema.json",
            "org.feedback360.CycleClosed", "cycle-event.schema.json",
            "org.feedback360.CycleReleased", "cycle-event.schema.json",
            "org.feedback360.AssignmentCreated", "assignment-event.schema.json",
            "org.feedback360.AssignmentCancelled", "assignment-event.schema.json",
            "org.feedback360.AssignmentSubmitted", "assignment-event.schema.json",
            "org.feedback360.ResponseSubmitted", "response-submitted.schema.json"));

    /** What scoring-service publishes on scoring.reports. */
    public static final EventContract SCORING = new EventContract(Path.of("../scoring-service/contract"),
            "https://feedback360.org/contracts/scoring/", Map.of(
            "org.feedback360.ReportPublished", "report-published.schema.json"));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final Path dir;
    private final String base;
    private final Map<String, String> dataSchemas;
    private final JsonSchemaFactory factory;

    private EventContract(Path dir, String base, Map<String, String> dataSchemas) {
        this.dir = dir.toAbsolutePath().normalize();
        this.base = base;
        this.dataSchemas = dataSchemas;
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(base, this.dir.toUri().toString())));
    }

    /** The contract of an event type ({@code org.feedback360.CycleOpened}, or just {@code CycleOpened}). */
    public static EventContract owning(String type) {
        String full = type.startsWith("org.feedback360.") ? type : "org.feedback360." + type;
        return SCORING.dataSchemas.containsKey(full) ? SCORING : FEEDBACK;
    }

    public Path dir() {
        return dir;
    }

    public Set<String> types() {
        return dataSchemas.keySet();
    }

    /** The producer's example of a type, e.g. {@code CycleOpened}, as JSON text. */
    public String example(String shortType) {
        try {
            return Files.readString(dir.resolve("examples").resolve(shortType + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return factory.getSchema(SchemaLocation.of(base + file), CONFIG);
    }

    private static List<String> messages(String where, Set<ValidationMessage> messages) {
        return messages.stream().map(m -> where + ": " + m.getMessage()).toList();
    }
}
