package org.feedback360.scoring.cycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.feedback360.scoring.engine.Dimension;
import org.feedback360.scoring.engine.InstrumentModel;
import org.feedback360.scoring.engine.Item;
import org.feedback360.scoring.engine.RaterGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The instrument version as CycleOpened carries it (feedback-service's contract): what the engine
 * scores (dimensions, items, reverse scoring, rater groups) and the texts per locale that a report
 * shows. This service's own reading of it: fields it does not use are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentDefinition(String key, Map<String, String> name, List<String> locales,
                                   List<RaterGroup> raterGroups, List<DimensionDefinition> dimensions,
                                   List<QuestionDefinition> openQuestions) {

    /** The platform's one rating scale is 1..5 (feedback-service's Scale.PLATFORM). */
    public static final int SCALE_MAX = 5;
    public static final String FALLBACK_LOCALE = "en";

    public InstrumentDefinition {
        name = name == null ? Map.of() : name;
        locales = locales == null ? List.of() : List.copyOf(locales);
        raterGroups = raterGroups == null ? List.of() : List.copyOf(raterGroups);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        openQuestions = openQuestions == null ? List.of() : List.copyOf(openQuestions);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DimensionDefinition(String key, Map<String, String> name, List<ItemDefinition> items) {
        public DimensionDefinition {
            name = name == null ? Map.of() : name;
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemDefinition(String id, Map<String, String> text, boolean reverseScored) {
        public ItemDefinition {
            text = text == null ? Map.of() : text;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuestionDefinition(String id, Map<String, String> text) {
        public QuestionDefinition {
            text = text == null ? Map.of() : text;
        }
    }

    /** What the engine scores. An instrument that names no rater groups is taken to be rated by all. */
    public InstrumentModel model() {
        List<Dimension> model = dimensions.stream()
                .map(d -> new Dimension(d.key(), d.items().stream().map(i -> new Item(i.id(), i.reverseScored())).toList()))
                .toList();
        return raterGroups.isEmpty()
                ? new InstrumentModel(model, SCALE_MAX)
                : new InstrumentModel(model, SCALE_MAX, raterGroups);
    }

    /**
     * The locale a report is shown in: the subject's when the instrument speaks it, else English,
     * else the instrument's first.
     */
    public String localeFor(String preferred) {
        if (preferred != null && locales.contains(preferred)) {
            return preferred;
        }
        if (locales.isEmpty() || locales.contains(FALLBACK_LOCALE)) {
            return FALLBACK_LOCALE;
        }
        return locales.get(0);
    }

    /** Dimension names, item texts and open questions in the locale {@link #localeFor} picks. */
    public Labels labels(String preferredLocale) {
        String locale = localeFor(preferredLocale);
        return new Labels(locale,
                texts(dimensions, DimensionDefinition::key, DimensionDefinition::name, locale),
                texts(dimensions.stream().flatMap(d -> d.items().stream()).toList(), ItemDefinition::id,
                        ItemDefinition::text, locale),
                texts(openQuestions, QuestionDefinition::id, QuestionDefinition::text, locale));
    }

    private static <T> Map<String, String> texts(List<T> things, Function<T, String> id,
                                                 Function<T, Map<String, String>> text, String locale) {
        Map<String, String> result = new LinkedHashMap<>();
        for (T thing : things) {
            result.put(id.apply(thing), pick(text.apply(thing), locale, id.apply(thing)));
        }
        return result;
    }

    /** The text in the locale, else in English, else any, else the id itself: a label is never missing. */
    private static String pick(Map<String, String> texts, String locale, String id) {
        String text = texts.get(locale);
        if (text == null) {
            text = texts.get(FALLBACK_LOCALE);
        }
        if (text == null && !texts.isEmpty()) {
            text = texts.values().iterator().next();
        }
        return text == null ? id : text;
    }

    /** Labels of one locale, keyed by dimension key, item id and question id, in instrument order. */
    public record Labels(String locale, Map<String, String> dimensions, Map<String, String> items,
                         Map<String, String> questions) {
    }
}
