package org.feedback360.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import org.feedback360.testsupport.EventContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The event contracts this service consumes, read from the producers' own files
 * (feedback-service/contract, scoring-service/contract): every event a test publishes is
 * checked against them first, so the tests exercise only what producers may really send.
 */
public final class Contract {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Contract() {
    }

    /** The producer's example of an event type, e.g. {@code CycleOpened} or {@code ReportPublished}. */
    public static JsonObject example(String type) {
        return new JsonObject(EventContract.owning(type).example(type));
    }

    /** Every violation of the envelope and of the data schema its type names; empty when valid. */
    public static List<String> violations(JsonObject event) {
        JsonNode node;
        try {
            node = MAPPER.readTree(event.encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EventContract.owning(node.path("type").asText()).violations(node);
    }
}
