package org.feedback360.gateway.proxy;

import java.util.Collection;
import java.util.Locale;

/**
 * A fixed set of header names looked up without regard to case and without allocating (no
 * {@code toLowerCase} per header per request): open addressing over an ASCII case-folded hash.
 */
final class HeaderNames {

    private final String[] slots;

    HeaderNames(Collection<String> names) {
        int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
        slots = new String[size];
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            int i = hash(lower) & (size - 1);
            while (slots[i] != null && !slots[i].equals(lower)) {
                i = (i + 1) & (size - 1);
            }
            slots[i] = lower;
        }
    }

    boolean contains(CharSequence name) {
        int mask = slots.length - 1;
        for (int i = hash(name) & mask; slots[i] != null; i = (i + 1) & mask) {
            if (equalsIgnoreCase(slots[i], name)) {
                return true;
            }
        }
        return false;
    }

    private static int hash(CharSequence s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return h ^ (h >>> 16);
    }

    private static boolean equalsIgnoreCase(String lower, CharSequence name) {
        if (lower.length() != name.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) != lower(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
