package org.feedback360.feedback.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One instrument version in full: what raters will see and scoring will read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentResponse(String key, int version, String ref, boolean builtIn, boolean inUse,
                                 Map<String, String> name, Map<String, String> description,
                                 List<String> locales, List<RaterGroup> raterGroups, Scale scale,
                                 List<InstrumentDefinition.Dimension> dimensions,
                                 List<InstrumentDefinition.OpenQuestion> openQuestions, Instant createdAt) {

    static InstrumentResponse of(Instrument i, InstrumentDefinition d) {
        return new InstrumentResponse(i.key, i.version, i.ref(), i.builtIn, i.lockedAt != null, d.name(),
                d.description(), d.locales(), d.raterGroups(), Scale.PLATFORM, d.dimensions(),
                d.openQuestionsOrEmpty(), i.createdAt);
    }

    /** The list view: enough to choose an instrument for a cycle. */
    public record Summary(String key, int version, String ref, boolean builtIn, boolean inUse,
                          Map<String, String> name, List<RaterGroup> raterGroups, List<String> dimensions,
                          int items) {

        static Summary of(Instrument i, InstrumentDefinition d) {
            return new Summary(i.key, i.version, i.ref(), i.builtIn, i.lockedAt != null, d.name(), d.raterGroups(),
                    d.dimensions().stream().map(InstrumentDefinition.Dimension::key).toList(),
                    d.dimensions().stream().mapToInt(x -> x.items().size()).sum());
        }
    }
}
