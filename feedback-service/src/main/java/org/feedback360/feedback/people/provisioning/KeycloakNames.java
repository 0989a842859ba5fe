package org.feedback360.feedback.people.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person is called in Keycloak, derived from the directory. Keycloak's user profile refuses
 * names and user names with characters its validators prohibit (markup, quotes and shell
 * characters), which real directories contain: "Smith (contractor)", "o'brien@acme.example". The
 * directory keeps everything exactly as HR gave it; Keycloak gets what it accepts.
 */
final class KeycloakNames {

    /** Keycloak's person-name validator: first and last names must not contain these. */
    private static final Pattern NAME_PROHIBITED = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");
    /** Keycloak's user-name validator: besides the above, no quote, comma, colon, backtick or space. */
    private static final Pattern USERNAME_PROHIBITED = Pattern.compile("[<>&\"'$%!#?§,;:*~/\\\\|^=\\[\\]{}()`\\s\\p{Cntrl}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX = 255;

    private KeycloakNames() {
    }

    /** First and last name; a one-word name fills both (the profile wants both). */
    record Split(String first, String last) {
    }

    static Split split(String directoryName, String fallback) {
        String name = clean(directoryName);
        if (name.isEmpty()) {
            name = clean(fallback);
        }
        int lastSpace = name.lastIndexOf(' ');
        return lastSpace < 0 ? new Split(cap(name), cap(name))
                : new Split(cap(name.substring(0, lastSpace)), cap(name.substring(lastSpace + 1)));
    }

    static String clean(String name) {
        return SPACES.matcher(NAME_PROHIBITED.matcher(name).replaceAll(" ")).replaceAll(" ").strip();
    }

    /**
     * The lower-cased e-mail, which people also log in with; for an e-mail Keycloak would refuse as a
     * user name, a name made from the tenant and employee id instead (people log in with their
     * e-mail all the same: the realm allows it). Never derived from the e-mail by replacing
     * characters, which could make two people's user names equal.
     */
    static String username(String tenant, String employeeId, String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME_PROHIBITED.matcher(lower).find() && lower.length() <= MAX) {
            return lower;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenant + "\u0000" + employeeId).getBytes(StandardCharsets.UTF_8));
            return "person-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String cap(String part) {
        return part.length() <= MAX ? part : part.substring(0, MAX).strip();
    }
}
