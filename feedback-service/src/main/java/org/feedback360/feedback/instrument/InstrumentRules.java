package org.feedback360.feedback.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of an instrument that span fields, beyond what the record annotations say. */
public final class InstrumentRules {

    public record Violation(String field, String message) {
    }

    private InstrumentRules() {
    }

    public static List<Violation> check(InstrumentDefinition d) {
        List<Violation> v = new ArrayList<>();
        List<String> locales = d.locales();
        if (!locales.contains(InstrumentDefinition.DEFAULT_LOCALE)) {
            v.add(new Violation("locales", "must include '" + InstrumentDefinition.DEFAULT_LOCALE + "'"));
        }
        if (new HashSet<>(locales).size() != locales.size()) {
            v.add(new Violation("locales", "must not repeat a language"));
        }
        if (new HashSet<>(d.raterGroups()).size() != d.raterGroups().size()) {
            v.add(new Violation("raterGroups", "must not repeat a group"));
        }
        texts(v, "name", d.name(), locales);
        if (d.description() != null) {
            texts(v, "description", d.description(), locales);
        }
        Set<String> dimensionKeys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int outcomes = 0;
        for (int i = 0; i < d.dimensions().size(); i++) {
            InstrumentDefinition.Dimension dim = d.dimensions().get(i);
            String at = "dimensions[" + i + "]";
            if (!dimensionKeys.add(dim.key())) {
                v.add(new Violation(at + ".key", "dimension '" + dim.key() + "' appears more than once"));
            }
            if (dim.outcome()) {
                outcomes++;
            }
            texts(v, at + ".name", dim.name(), locales);
            for (int j = 0; j < dim.items().size(); j++) {
                InstrumentDefinition.Item item = dim.items().get(j);
                if (!ids.add(item.id())) {
                    v.add(new Violation(at + ".items[" + j + "].id", "item id '" + item.id() + "' is not unique"));
                }
                texts(v, at + ".items[" + j + "].text", item.text(), locales);
            }
        }
        if (outcomes == d.dimensions().size()) {
            v.add(new Violation("dimensions", "at least one dimension must not be an outcome"));
        }
        List<InstrumentDefinition.OpenQuestion> questions = d.openQuestionsOrEmpty();
        for (int i = 0; i < questions.size(); i++) {
            InstrumentDefinition.OpenQuestion q = questions.get(i);
            if (!ids.add(q.id())) {
                v.add(new Violation("openQuestions[" + i + "].id", "id '" + q.id() + "' is not unique"));
            }
            texts(v, "openQuestions[" + i + "].text", q.text(), locales);
        }
        return v;
    }

    /** Every text in exactly the instrument's languages: a rater must never meet a gap. */
    private static void texts(List<Violation> v, String field, Map<String, String> text, List<String> locales) {
        for (String locale : locales) {
            if (!text.containsKey(locale)) {
                v.add(new Violation(field, "has no text for '" + locale + "'"));
            }
        }
        for (String locale : text.keySet()) {
            if (!locales.contains(locale)) {
                v.add(new Violation(field, "has text for '" + locale + "', which is not among the locales"));
            }
        }
    }
}
