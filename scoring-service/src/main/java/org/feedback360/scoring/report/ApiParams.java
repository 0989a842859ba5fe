package org.feedback360.scoring.report;

import org.feedback360.support.problem.ProblemException;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path and query values of the scoring API, checked by hand so that a malformed value answers
 * 400 problem+json (JAX-RS would answer a failed conversion of a path or query value with 404).
 */
public final class ApiParams {

    /** Employee ids as the feedback service accepts them (PersonRequest.EMPLOYEE_ID), at most 64 characters. */
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private ApiParams() {
    }

    public static UUID cycleId(String value) {
        return uuid("cycleId", value);
    }

    /** An optional cycle id filter: null when absent. */
    public static UUID optionalCycleId(String value) {
        return value == null ? null : uuid("cycleId", value);
    }

    private static UUID uuid(String name, String value) {
        if (value != null && value.length() == 36) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw ProblemException.badRequest("invalid-" + kebab(name), name + " must be a UUID");
    }

    public static String subjectId(String value) {
        if (value == null || !EMPLOYEE_ID.matcher(value).matches()) {
            throw ProblemException.badRequest("invalid-subject-id",
                    "subjectId is an employee id: letters, digits, '.', '_' and '-', at most 64 characters");
        }
        return value;
    }

    /** An optional instrument key filter (e.g. leader-follower): null when absent. */
    public static String optionalInstrumentKey(String value) {
        if (value != null && !KEY.matcher(value).matches()) {
            throw ProblemException.badRequest("invalid-instrument",
                    "instrument is an instrument key: lower-case letters, digits and '-'");
        }
        return value;
    }

    /** An optional integer query value within [min, max]. */
    public static int integer(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-" + name, name + " must be an integer from " + min + " to " + max);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
