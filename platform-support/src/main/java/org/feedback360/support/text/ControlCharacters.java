package org.feedback360.support.text;

/**
 * The control characters no request may carry: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
 * Text bodies may still break lines and indent; paths and query parameters may not even that.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Any control character at all: for paths, query parameters and identifiers. */
    public static boolean anyIn(String s) {
        return s != null && s.chars().anyMatch(ControlCharacters::isControl);
    }

    /** A control character other than tab, line feed and carriage return: for free text. */
    public static boolean unprintableIn(String s) {
        return s != null && s.chars().anyMatch(c -> isControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
