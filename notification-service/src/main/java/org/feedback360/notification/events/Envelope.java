package org.feedback360.notification.events;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The CloudEvents envelope of every consumed topic, read tolerantly (unknown fields are ignored).
 * What a handler cannot do without is checked while parsing, so a malformed record is skipped
 * with an error instead of being retried for ever.
 */
record Envelope(UUID id, String type, String tenant, String time, JsonObject data) {

    /** A record no handler can apply, whatever happens next. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static Envelope parse(String payload) {
        JsonObject event;
        try {
            event = new JsonObject(payload);
        } catch (DecodeException | ClassCastException e) {
            throw new Malformed("not a JSON object");
        }
        JsonObject data = object(event, "data");
        String tenant = text(event, "tenant") != null ? text(event, "tenant") : text(data, "tenant");
        if (tenant == null || tenant.isBlank()) {
            throw new Malformed("no tenant");
        }
        return new Envelope(uuid(event, "id"), text(event, "type") == null ? "" : text(event, "type"), tenant,
                text(event, "time"), data);
    }

    UUID uuid(String field) {
        return uuid(data, field);
    }

    JsonObject object(String field) {
        return object(data, field);
    }

    String text(String field) {
        return required(data, field);
    }

    /** A text field the handler cannot do without. */
    static String required(JsonObject o, String field) {
        String value = text(o, field);
        if (value == null || value.isBlank()) {
            throw new Malformed("no '" + field + "'");
        }
        return value;
    }

    private static UUID uuid(JsonObject o, String field) {
        String value = text(o, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Malformed("'" + field + "' is not a UUID");
        }
    }

    private static JsonObject object(JsonObject o, String field) {
        Object value = o.getValue(field);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new Malformed("no object '" + field + "'");
    }

    private static String text(JsonObject o, String field) {
        Object value = o.getValue(field);
        return value instanceof String s ? s : null;
    }
}
