package org.feedback360.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    record Comment(String text) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void textMayBreakLinesAndIndent() throws JsonProcessingException {
        assertEquals("one\n\ttwo\r\n", mapper.readValue("{\"text\":\"one\\n\\ttwo\\r\\n\"}", Comment.class).text());
    }

    @Test
    void textWithAnyOtherControlCharacterIsRefused() {
        for (String escaped : new String[] {"\\u0000", "\\u0007", "\\u001b[31m", "\\u007f", "\\u0085"}) {
            assertThrows(JsonProcessingException.class,
                    () -> mapper.readValue("{\"text\":\"x" + escaped + "\"}", Comment.class), escaped);
        }
    }

    @Test
    void nothingMayFollowTheValue() {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":\"a\"} trailing", Comment.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":\"a\"}{}", Map.class));
    }

    @Test
    void duplicateKeysAndCoercedScalarsAreRefused() {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":\"a\",\"text\":\"b\"}", Comment.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":123}", Comment.class));
    }
}
