package org.feedback360.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event contracts this service consumes, read from the producers' own files
 * (feedback-service/contract, scoring-service/contract): every event a test publishes is
 * checked against them first, so the tests exercise only what producers may really send.
 */
public final class Contract {

    private static final Path FEEDBACK = Path.of("../feedback-service/contract").toAbsolutePath().normalize();
    private static final Path SCORING = Path.of("../scoring-service/contract").toAbsolutePath().normalize();
    private static final String FEEDBACK_BASE = "https://feedback360.org/contracts/feedback/";
    private static final String SCORING_BASE = "https://feedback360.org/contracts/scoring/";
    private static final Map<String, String> DATA_SCHEMA = Map.of(
            "org.feedback360.CycleOpened", FEEDBACK_BASE + "cycle-event.schema.json",
            "org.feedback360.CycleClosed", FEEDBACK_BASE + "cycle-event.schema.json",
            "org.feedback360.CycleReleased", FEEDBACK_BASE + "cycle-event.schema.json",
            "org.feedback360.AssignmentCreated", FEEDBACK_BASE + "assignment-event.schema.json",
            "org.feedback360.AssignmentCancelled", FEEDBACK_BASE + "assignment-event.schema.json",
            "org.feedback360.AssignmentSubmitted", FEEDBACK_BASE + "assignment-event.schema.json",
            "org.feedback360.ReportPublished", SCORING_BASE + "report-published.schema.json");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(FEEDBACK_BASE, FEEDBACK.toUri().toString())
                    .mapPrefix(SCORING_BASE, SCORING.toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Contract() {
    }

    /** The producer's example of an event type, e.g. {@code CycleOpened} or {@code ReportPublished}. */
    public static JsonObject example(String type) {
        Path dir = type.equals("ReportPublished") ? SCORING : FEEDBACK;
        try {
            return new JsonObject(Files.readString(dir.resolve("examples").resolve(type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the envelope and of the data schema its type names; empty when valid. */
    public static List<String> violations(JsonObject event) {
        JsonNode node;
        try {
            node = MAPPER.readTree(event.encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = node.path("type").asText();
        String envelope = (type.equals("org.feedback360.ReportPublished") ? SCORING_BASE : FEEDBACK_BASE)
                + "envelope.schema.json";
        List<String> found = new ArrayList<>(messages("envelope", schema(envelope).validate(node)));
        String data = DATA_SCHEMA.get(type);
        if (data == null) {
            found.add("unknown type " + type);
        } else {
            found.addAll(messages("data", schema(data).validate(node.path("data"))));
        }
        return found;
    }

    private static JsonSchema schema(String uri) {
        return FACTORY.getSchema(SchemaLocation.of(uri), CONFIG);
    }

    private static List<String> messages(String where, Set<ValidationMessage> messages) {
        return messages.stream().map(m -> where + ": " + m.getMessage()).toList();
    }
}
