package org.feedback360.feedback.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * What an instrument asks, as a tenant submits it and as it is stored: dimensions of
 * items rated on the platform scale (1..5 or N/A), plus open questions. Texts are maps
 * from language tag to text and must exist for every language in {@code locales}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentDefinition(
        @NotBlank @Size(max = 64) @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
        @NotEmpty Map<String, @NotBlank @Size(max = 200) String> name,
        Map<String, @NotBlank @Size(max = 2000) String> description,
        @NotEmpty List<@NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?") String> locales,
        @NotEmpty List<@NotNull RaterGroup> raterGroups,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Dimension> dimensions,
        @Size(max = 10) List<@NotNull @Valid OpenQuestion> openQuestions) {

    static final String KEY = "[a-z][a-z0-9-]*";
    static final String KEY_MESSAGE = "may contain only lower-case letters, digits and '-', starting with a letter";

    /** English is the language every instrument must speak: the fallback for any rater. */
    public static final String DEFAULT_LOCALE = "en";

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Dimension(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE") String key,
            @NotEmpty Map<String, @NotBlank @Size(max = 200) String> name,
            /** An outcome (e.g. commitment) is what the other dimensions are expected to explain. */
            boolean outcome,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Item> items) {
    }

    public record Item(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9.-]*", message = "may contain only a-z, 0-9, '.' and '-'") String id,
            @NotEmpty Map<String, @NotBlank @Size(max = 500) String> text,
            /** Agreement means less of the dimension: scoring turns the answer v into 6 − v. */
            boolean reverseScored) {
    }

    public record OpenQuestion(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9.-]*", message = "may contain only a-z, 0-9, '.' and '-'") String id,
            @NotEmpty Map<String, @NotBlank @Size(max = 500) String> text) {
    }

    public List<OpenQuestion> openQuestionsOrEmpty() {
        return openQuestions == null ? List.of() : openQuestions;
    }
}
