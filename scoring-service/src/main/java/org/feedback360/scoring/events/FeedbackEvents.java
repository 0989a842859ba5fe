package org.feedback360.scoring.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;

/** Reads feedback-service events from their CloudEvents JSON; what cannot be read is rejected with a reason. */
@ApplicationScoped
public class FeedbackEvents {

    public static final String CYCLE_OPENED = "org.feedback360.CycleOpened";
    public static final String CYCLE_CLOSED = "org.feedback360.CycleClosed";
    public static final String CYCLE_RELEASED = "org.feedback360.CycleReleased";
    public static final String RESPONSE_SUBMITTED = "org.feedback360.ResponseSubmitted";

    @Inject
    ObjectMapper json;

    private ResponseParser responses;

    @PostConstruct
    void init() {
        // Without the platform's duplicate-key detection: events are our own producer's, read tolerantly,
        // and a rebuild reads a million of them.
        responses = new ResponseParser(json.getFactory().copy().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    }

    /** An event read from a record, or why it was not (no reason: a type this service does not use). */
    public record Read<T>(T event, String rejection) {
        static <T> Read<T> rejected(String why) {
            return new Read<>(null, why);
        }
    }

    public Read<ResponseEvent> response(String payload) {
        return response(() -> responses.parse(payload));
    }

    /** From a record's UTF-8 bytes (a rebuild reads a million of them). */
    public Read<ResponseEvent> response(byte[] payload) {
        return response(() -> responses.parse(payload));
    }

    private interface Parse<T> {
        T parse() throws IOException;
    }

    private static Read<ResponseEvent> response(Parse<ResponseEvent> parse) {
        try {
            ResponseEvent event = parse.parse();
            String problem = event.problem();
            return problem == null ? new Read<>(event, null) : Read.rejected(problem);
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            return Read.rejected("unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** A cycle event; one of a type this service does not use is neither read nor rejected. */
    public Read<CycleEvent> cycle(String payload) {
        return cycle(() -> json.readValue(payload, CycleEvent.class));
    }

    public Read<CycleEvent> cycle(byte[] payload) {
        return cycle(() -> json.readValue(payload, CycleEvent.class));
    }

    private static Read<CycleEvent> cycle(Parse<CycleEvent> parse) {
        try {
            CycleEvent event = parse.parse();
            if (CycleEvent.stateOf(event.type()) == null) {
                return new Read<>(null, null);
            }
            String problem = event.problem();
            return problem == null ? new Read<>(event, null) : Read.rejected(problem);
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            return Read.rejected("unreadable: " + e.getClass().getSimpleName());
        }
    }
}
