package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import io.quarkus.qute.i18n.Message;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.CommentSource;
import org.feedback360.scoring.engine.ConsensusLabel;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.WithheldReason;
import org.junit.jupiter.api.Test;

/** Every English message has its German twin, and every enum constant reads as words in both. */
class ReportMessagesTest {

    final Engine engine = PageEngine.engine();

    @Test
    void germanHasExactlyTheEnglishKeys() {
        Set<String> english = Arrays.stream(ReportMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties german = PageEngine.localizedFiles(ReportMessages.class).get("de");
        assertEquals(english, new TreeSet<>(german.stringPropertyNames()));
        for (Method method : ReportMessages.class.getDeclaredMethods()) {
            assertFalse(method.getAnnotation(Message.class).value().isBlank(), method.getName());
            assertFalse(german.getProperty(method.getName()).isBlank(), method.getName());
        }
    }

    @Test
    void everyConstantIsWordedInBothLanguages() {
        Map<String, Object[]> messages = Map.of(
                "columnName", Column.values(),
                "seriesName", ChartSeries.values(),
                "commentSource", CommentSource.values(),
                "categoryName", AgreementCategory.values(),
                "categoryExplained", AgreementCategory.values(),
                "followersMean", FollowersBasis.values(),
                "consensusLabel", ConsensusLabel.values());
        for (Locale locale : PageFormat.SUPPORTED) {
            messages.forEach((message, constants) -> {
                for (Object constant : constants) {
                    assertWorded(locale, "{report:" + message + "(value)}", constant, message + " " + constant);
                }
            });
            for (WithheldReason reason : WithheldReason.values()) {
                String shortText = render(locale, "{report:withheldShort(value, 3)}", reason);
                String longText = render(locale, "{report:withheldLong(value, 3)}", reason);
                assertFalse(shortText.isBlank(), reason + " " + locale);
                assertTrue(longText.length() > shortText.length(), reason + " " + locale);
            }
        }
    }

    @Test
    void theTwoLanguagesDiffer() {
        assertNotEquals(render(Locale.ENGLISH, "{report:reportTitle}", null), render(Locale.GERMAN, "{report:reportTitle}", null));
        assertEquals("Gruppe unter 3", render(Locale.GERMAN, "{report:withheldShort(value, 3)}", WithheldReason.GROUP_BELOW_THRESHOLD));
    }

    private void assertWorded(Locale locale, String template, Object value, String what) {
        String text = render(locale, template, value);
        assertFalse(text.isBlank(), what + " in " + locale);
        assertFalse(text.contains("{"), what + " in " + locale);
    }

    private String render(Locale locale, String template, Object value) {
        return engine.parse(template).data("value", value).setLocale(locale).render().strip();
    }
}
