package org.feedback360.feedback.people;

/** What a bulk import did: every row is counted in exactly one of the three outcomes. */
public record ImportResult(int rows, int created, int updated, int unchanged) {
}
