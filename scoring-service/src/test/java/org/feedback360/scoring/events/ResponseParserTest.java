package org.feedback360.scoring.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.rating.CompactAnswers;
import org.feedback360.scoring.support.TestEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming reader of ResponseSubmitted reads what the contract's example and a tree reader read. */
class ResponseParserTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final ResponseParser parser = new ResponseParser(JSON.getFactory());

    @Test
    void readsTheContractsExample() throws IOException {
        ObjectNode example = TestEvents.example("ResponseSubmitted");
        ResponseEvent event = parser.parse(example.toString());
        assertNull(event.problem());
        assertEquals(UUID.fromString(example.get("id").asText()), event.id());
        assertEquals("acme", event.tenant());
        assertEquals(RaterGroup.DIRECT_REPORT, event.data().group());
        assertEquals(1, event.data().revision());
        Map<String, Integer> answers = new HashMap<>();
        answers.put("trust-1", 4);
        answers.put("trust-2", null);
        assertEquals(answers, event.data().answers());
        assertEquals(Map.of("continue", "Clear priorities every Monday."), event.data().comments());
    }

    @Test
    void readsWhatATreeReads_onRandomResponses() throws IOException {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (int item = 0; item < random.nextInt(40); item++) {
                answers.put("item-" + item, random.nextInt(6) == 0 ? null : 1 + random.nextInt(5));
            }
            ObjectNode json = TestEvents.response("t" + i, UUID.randomUUID(), "E-" + i, TestEvents.raterKey("r" + i),
                    RaterGroup.values()[random.nextInt(5)].name(), 1 + random.nextInt(3), answers,
                    random.nextBoolean() ? Map.of("keep-doing", "text " + i) : Map.of());
            json.put("unknownTopLevel", "ignored");
            ((ObjectNode) json.get("data")).putObject("unknownNested").put("deep", 1);
            ResponseEvent event = parser.parse(json.toString());
            JsonNode data = json.get("data");
            assertNull(event.problem());
            assertEquals(data.get("raterKey").asText(), event.data().raterKey());
            assertEquals(data.get("revision").asInt(), event.data().revision());
            assertEquals(answers, event.data().answers());
            assertEquals(answers.hashCode(), event.data().answers().hashCode());
            assertEquals(JSON.convertValue(data.get("comments"), Map.class), event.data().comments());
        }
    }

    @Test
    void missingFieldsAreAProblem_wrongTypesAreUnreadable() throws IOException {
        ObjectNode noKey = TestEvents.example("ResponseSubmitted");
        ((ObjectNode) noKey.get("data")).remove("raterKey");
        assertNotNull(parser.parse(noKey.toString()).problem());

        ObjectNode fractional = TestEvents.example("ResponseSubmitted");
        ((ObjectNode) fractional.get("data").get("answers")).put("trust-1", 4.0);
        assertThrows(IOException.class, () -> parser.parse(fractional.toString()));

        ObjectNode textRevision = TestEvents.example("ResponseSubmitted");
        ((ObjectNode) textRevision.get("data")).put("revision", "1");
        assertThrows(IOException.class, () -> parser.parse(textRevision.toString()));
        assertThrows(IOException.class, () -> parser.parse("[]"));
    }

    @Test
    void answersOffTheScaleAreKeptAsTheyCame_notReadAsNotApplicable() throws IOException {
        for (int offScale : new int[] {0, -3, 128, 1_000}) {
            ObjectNode json = TestEvents.example("ResponseSubmitted");
            ((ObjectNode) json.get("data").get("answers")).put("trust-1", offScale);
            Map<String, Integer> answers = parser.parse(json.toString()).data().answers();
            assertEquals(offScale, answers.get("trust-1"), "the engine must see " + offScale + " to reject it");
            assertNull(answers.get("trust-2"));
            assertEquals(2, answers.size());
        }
    }

    @Test
    void aRepeatedItemIdReadsAsItsLastAnswer_likeEveryOtherJsonReader() throws IOException {
        String json = TestEvents.example("ResponseSubmitted").toString()
                .replace("\"trust-1\":4", "\"trust-1\":4,\"trust-1\":2");
        Map<String, Integer> answers = parser.parse(json).data().answers();
        assertEquals(2, answers.get("trust-1"));
        assertEquals(2, answers.size());
    }

    @Test
    void compactAnswersLookUpAndCompareLikeAHashMap() throws IOException {
        Map<String, Integer> expected = new HashMap<>();
        expected.put("trust-1", 4);
        expected.put("trust-2", null);
        Map<String, Integer> a = parser.parse(TestEvents.example("ResponseSubmitted").toString()).data().answers();
        Map<String, Integer> b = parser.parse(TestEvents.example("ResponseSubmitted").toString()).data().answers();
        assertEquals(CompactAnswers.class, a.getClass());
        assertEquals(expected, a);
        assertEquals(a, expected);
        assertEquals(a, b);
        assertNull(a.get("unknown"));
        assertEquals(true, a.containsKey("trust-2"));
        assertEquals(false, a.containsKey("unknown"));
        assertThrows(UnsupportedOperationException.class, () -> a.put("trust-1", 1));
        assertThrows(UnsupportedOperationException.class, () -> a.keySet().remove("trust-1"));
    }
}
