package org.feedback360.scoring.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** Compares two JSON trees, numbers to a tolerance. */
public final class JsonClose {
    private JsonClose() {
    }

    /** @return null when equal, else the path of the first difference */
    public static String difference(JsonNode expected, JsonNode actual, double tolerance) {
        return difference("$", expected, actual, tolerance);
    }

    private static String difference(String path, JsonNode expected, JsonNode actual, double tolerance) {
        if (expected == null || actual == null) {
            return expected == actual ? null : path + ": " + expected + " vs " + actual;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return Math.abs(expected.asDouble() - actual.asDouble()) <= tolerance ? null
                    : path + ": " + expected + " vs " + actual;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return path + ": fields " + fieldNames(expected) + " vs " + fieldNames(actual);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String d = difference(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), tolerance);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return path + ": " + expected.size() + " vs " + actual.size() + " elements";
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = difference(path + "[" + i + "]", expected.get(i), actual.get(i), tolerance);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : path + ": " + expected + " vs " + actual;
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder names = new StringBuilder();
        node.fieldNames().forEachRemaining(n -> names.append(n).append(' '));
        return names.toString().trim();
    }
}
