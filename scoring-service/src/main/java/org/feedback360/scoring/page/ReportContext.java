package org.feedback360.scoring.page;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the page shows besides the report's figures, already resolved for the reader.
 *
 * @param locale         the reader's language tag, e.g. "en" or "de-CH"; unsupported languages read English
 * @param dimensionNames dimension id → name in the reader's language
 * @param itemTexts      item id → item text in the reader's language
 * @param questionTexts  open question id → question in the reader's language
 * @param subjectItemsWithheld the reader is not the subject (a followership subject's manager): the
 *                       subject's item ratings, blind spots and hidden strengths are not in the report
 */
public record ReportContext(String subjectName, String cycleName, Instant releasedAt, String locale,
                            Map<String, String> dimensionNames, Map<String, String> itemTexts,
                            Map<String, String> questionTexts, boolean subjectItemsWithheld) {

    /** The page for the subject (or HR): everything the report holds. */
    public ReportContext(String subjectName, String cycleName, Instant releasedAt, String locale,
                         Map<String, String> dimensionNames, Map<String, String> itemTexts,
                         Map<String, String> questionTexts) {
        this(subjectName, cycleName, releasedAt, locale, dimensionNames, itemTexts, questionTexts, false);
    }

    public ReportContext {
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(cycleName, "cycleName");
        Objects.requireNonNull(releasedAt, "releasedAt");
        dimensionNames = dimensionNames == null ? Map.of() : Map.copyOf(dimensionNames);
        itemTexts = itemTexts == null ? Map.of() : Map.copyOf(itemTexts);
        questionTexts = questionTexts == null ? Map.of() : Map.copyOf(questionTexts);
    }

    /** The dimension's name, or its id where no label is known. */
    public String dimensionName(String id) {
        return label(dimensionNames, id);
    }

    public String itemText(String id) {
        return label(itemTexts, id);
    }

    public String questionText(String id) {
        return label(questionTexts, id);
    }

    private static String label(Map<String, String> labels, String id) {
        String label = labels.get(id);
        return label == null || label.isBlank() ? id : label;
    }
}
