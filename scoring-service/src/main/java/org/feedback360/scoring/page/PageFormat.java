package org.feedback360.scoring.page;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** The page's languages and how it writes numbers and dates in each. */
final class PageFormat {

    /** The instruments' languages; the first is the fallback. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static final String MINUS = "\u2212";

    private final Locale locale;

    private PageFormat(Locale locale) {
        this.locale = locale;
    }

    /** The supported language of a tag such as "de-CH" or "de_AT"; English for anything else. */
    static PageFormat forTag(String tag) {
        String language = tag == null ? "" : Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        Locale locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst()
                .orElse(SUPPORTED.get(0));
        return new PageFormat(locale);
    }

    Locale locale() {
        return locale;
    }

    /** Two decimals, rounded half up as people round by hand: 2.625 reads 2.63. */
    String decimal(double value) {
        DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(value);
        return text.startsWith("-") ? MINUS + text.substring(1) : text;
    }

    /** A difference with its sign: +1.78, −0.50, and 0.00 for a rounded zero. */
    String signed(double value) {
        String text = decimal(value);
        if (text.startsWith(MINUS)) {
            String magnitude = text.substring(1);
            return isZero(magnitude) ? magnitude : text;
        }
        return isZero(text) ? text : "+" + text;
    }

    private static boolean isZero(String text) {
        return text.chars().noneMatch(c -> c >= '1' && c <= '9');
    }

    /** The release date in the reader's style; dates are UTC, as the platform stores them. */
    String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(instant.atZone(ZoneOffset.UTC));
    }
}
