package org.feedback360.scoring.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.rating.CompactAnswers;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads ResponseSubmitted with Jackson's streaming parser rather than data binding: the consumer
 * and a rebuild read up to a million of them, and this is several times faster and keeps the
 * answers compact. Tolerant like the data-bound readers: unknown fields are skipped; what is
 * missing or of the wrong type fails {@link ResponseEvent#problem()} or the parse.
 */
final class ResponseParser {

    private static final int MAX_ANSWERS = 1_000;

    private final JsonFactory factory;

    ResponseParser(JsonFactory factory) {
        this.factory = factory;
    }

    ResponseEvent parse(String payload) throws IOException {
        try (JsonParser p = factory.createParser(payload)) {
            return parse(p);
        }
    }

    /** From the UTF-8 bytes of a Kafka record, without decoding them to a String first. */
    ResponseEvent parse(byte[] payload) throws IOException {
        try (JsonParser p = factory.createParser(payload)) {
            return parse(p);
        }
    }

    private ResponseEvent parse(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        UUID id = null;
        String type = null;
        String tenant = null;
        String time = null;
        ResponseEvent.Data data = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = value == JsonToken.VALUE_NULL ? null : UUID.fromString(text(p));
                case "type" -> type = value == JsonToken.VALUE_NULL ? null : text(p);
                case "tenant" -> tenant = value == JsonToken.VALUE_NULL ? null : text(p);
                case "time" -> time = value == JsonToken.VALUE_NULL ? null : text(p);
                case "data" -> data = value == JsonToken.VALUE_NULL ? null : data(p);
                default -> p.skipChildren();
            }
        }
        return new ResponseEvent(id, type, tenant, time, data);
    }

    private ResponseEvent.Data data(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        UUID cycleId = null;
        String subjectId = null;
        String raterKey = null;
        RaterGroup group = null;
        Integer revision = null;
        Map<String, Integer> answers = null;
        Map<String, String> comments = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "cycleId" -> cycleId = UUID.fromString(text(p));
                case "subjectId" -> subjectId = text(p);
                case "raterKey" -> raterKey = text(p);
                case "group" -> group = RaterGroup.valueOf(text(p));
                case "revision" -> revision = integer(p);
                case "answers" -> answers = answers(p);
                case "comments" -> comments = comments(p);
                default -> p.skipChildren();
            }
        }
        return new ResponseEvent.Data(cycleId, subjectId, raterKey, group, revision, answers, comments);
    }

    private static Map<String, Integer> answers(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        String[] keys = new String[64];
        int[] values = new int[64];
        int size = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (size == keys.length) {
                if (size >= MAX_ANSWERS) {
                    throw new IOException("too many answers");
                }
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            keys[size] = p.currentName();
            JsonToken value = p.nextToken();
            values[size++] = value == JsonToken.VALUE_NULL ? CompactAnswers.NOT_APPLICABLE : integer(p);
        }
        Map<String, Integer> compact = CompactAnswers.of(keys, values, size);
        if (compact != null) {
            return compact;
        }
        // Values off any scale (the engine rejects the rating) or a repeated id: kept as they came.
        Map<String, Integer> plain = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            plain.put(keys[i], values[i] == CompactAnswers.NOT_APPLICABLE ? null : values[i]);
        }
        return plain;
    }

    /** The comments, or the shared empty map: most responses have none, and a rebuild holds a million. */
    private static Map<String, String> comments(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> comments = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String question = p.currentName();
            p.nextToken();
            if (comments == null) {
                comments = new HashMap<>();
            }
            comments.put(question, text(p));
        }
        return comments == null ? Map.of() : comments;
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException("expected text at " + p.currentName());
        }
        return p.getText();
    }

    /** An integer; 4.0 is not 4 (as in the platform's strict JSON). */
    private static int integer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException("expected an integer at " + p.currentName());
        }
        return p.getIntValue();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }
}
