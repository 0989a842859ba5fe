package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageFormatTest {

    static final PageFormat EN = PageFormat.forTag("en");
    static final PageFormat DE = PageFormat.forTag("de");

    @Test
    void languagesFallBackToEnglish() {
        assertEquals(Locale.GERMAN, PageFormat.forTag("de-CH").locale());
        assertEquals(Locale.GERMAN, PageFormat.forTag("de_AT").locale());
        assertEquals(Locale.GERMAN, PageFormat.forTag(" DE ").locale());
        assertEquals(Locale.ENGLISH, PageFormat.forTag("en-GB").locale());
        assertEquals(Locale.ENGLISH, PageFormat.forTag("fr").locale());
        assertEquals(Locale.ENGLISH, PageFormat.forTag("").locale());
        assertEquals(Locale.ENGLISH, PageFormat.forTag(null).locale());
    }

    @Test
    void twoDecimalsRoundedHalfUp() {
        assertEquals("2.63", EN.decimal(2.625));
        assertEquals("2,63", DE.decimal(2.625));
        assertEquals("3.22", EN.decimal(3.2222));
        assertEquals("\u22120.50", EN.decimal(-0.5), "a real minus sign");
    }

    @Test
    void differencesCarryTheirSign() {
        assertEquals("+1.78", EN.signed(1.7778));
        assertEquals("\u22121.50", EN.signed(-1.5));
        assertEquals("0.00", EN.signed(0));
        assertEquals("0.00", EN.signed(-0.004), "no sign on a rounded zero");
        assertEquals("+0,67", DE.signed(0.6667));
    }

    @Test
    void releaseDateInTheReadersStyle() {
        Instant released = Instant.parse("2026-03-27T23:30:00Z");
        assertEquals("March 27, 2026", EN.date(released));
        assertEquals("27. März 2026", DE.date(released));
    }
}
