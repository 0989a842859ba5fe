package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import io.quarkus.qute.i18n.Message;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
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
        Map<String, Object[]> messages = new java.util.LinkedHashMap<>();
        messages.put("columnName(value)", Column.values());
        messages.put("seriesName(value)", ChartSeries.values());
        messages.put("seriesShortName(value)", ChartSeries.values());
        messages.put("commentSource(value)", CommentSource.values());
        messages.put("categoryName(value)", AgreementCategory.values());
        messages.put("consensusLabel(value)", ConsensusLabel.values());
        for (String byBasis : List.of("followersMean", "alignmentIndexExplained", "radarSvgDescription", "gapTitle",
                "gapIntro", "gapLeft", "blindSpotsIntro", "noBlindSpots", "hiddenStrengthsIntro", "noHiddenStrengths",
                "others")) {
            messages.put(byBasis + "(value)", FollowersBasis.values());
        }
        for (Locale locale : PageFormat.SUPPORTED) {
            messages.forEach((message, constants) -> {
                for (Object constant : constants) {
                    assertWorded(locale, "{report:" + message + "}", constant, message + " " + constant);
                }
            });
            for (AgreementCategory category : AgreementCategory.values()) {
                for (FollowersBasis basis : FollowersBasis.values()) {
                    String text = engine.parse("{report:categoryExplained(category, basis)}").data("category", category)
                            .data("basis", basis).setLocale(locale).render().strip();
                    assertFalse(text.isBlank() || text.contains("{"), category + " " + basis + " in " + locale);
                    assertTrue(text.contains(basis == FollowersBasis.MANAGER ? "anager" : "ollower")
                            || text.contains(basis == FollowersBasis.MANAGER ? "Führungskraft" : "Mitarbeitend"), text);
                }
            }
            for (Object selfVersusManager : new Object[] {true, false}) {
                for (String message : List.of("reportTitle", "followersHeading", "basisNone")) {
                    assertWorded(locale, "{report:" + message + "(value)}", selfVersusManager, message);
                }
            }
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
        assertNotEquals(render(Locale.ENGLISH, "{report:reportTitle(false)}", null), render(Locale.GERMAN, "{report:reportTitle(false)}", null));
        assertNotEquals(render(Locale.ENGLISH, "{report:reportTitle(true)}", null), render(Locale.ENGLISH, "{report:reportTitle(false)}", null));
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
