package org.feedback360.feedback.instrument;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentRulesTest {

    private static InstrumentDefinition.Item item(String id) {
        return new InstrumentDefinition.Item(id, Map.of("en", "text " + id), false);
    }

    private static InstrumentDefinition def(List<String> locales, InstrumentDefinition.Dimension... dims) {
        return new InstrumentDefinition("x", Map.of("en", "X"), null, locales, List.of(RaterGroup.SELF),
                List.of(dims), List.of(new InstrumentDefinition.OpenQuestion("q", Map.of("en", "Why?"))));
    }

    private static InstrumentDefinition.Dimension dim(String key, boolean outcome, InstrumentDefinition.Item... items) {
        return new InstrumentDefinition.Dimension(key, Map.of("en", key), outcome, List.of(items));
    }

    @Test
    void aWellFormedInstrumentPasses() {
        assertTrue(InstrumentRules.check(def(List.of("en"), dim("A", false, item("a1")), dim("B", true, item("b1")))).isEmpty());
    }

    @Test
    void itemAndQuestionIdsMustBeUniqueAcrossTheInstrument() {
        List<InstrumentRules.Violation> v = InstrumentRules.check(def(List.of("en"),
                dim("A", false, item("a1"), item("q")), dim("B", false, item("a1"))));
        assertEquals(List.of("dimensions[1].items[0].id", "openQuestions[0].id"),
                v.stream().map(InstrumentRules.Violation::field).toList());
    }

    @Test
    void dimensionKeysMustBeUnique() {
        assertEquals("dimensions[1].key", InstrumentRules.check(def(List.of("en"),
                dim("A", false, item("a1")), dim("A", false, item("a2")))).get(0).field());
    }

    @Test
    void everyTextNeedsEveryLocaleAndEnglishIsRequired() {
        List<InstrumentRules.Violation> v = InstrumentRules.check(def(List.of("de"), dim("A", false, item("a1"))));
        assertTrue(v.stream().anyMatch(x -> x.field().equals("locales")));
        assertTrue(v.stream().anyMatch(x -> x.field().equals("dimensions[0].items[0].text")));
    }

    @Test
    void outcomesAloneAreNotAnInstrument() {
        assertEquals("dimensions", InstrumentRules.check(def(List.of("en"), dim("A", true, item("a1")))).get(0).field());
    }
}
