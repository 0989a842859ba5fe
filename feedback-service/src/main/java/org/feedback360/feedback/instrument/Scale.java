package org.feedback360.feedback.instrument;

/**
 * The one rating scale of the platform. Fixed rather than per instrument so scores,
 * benchmarks and trends stay comparable across instruments and cycles.
 */
public record Scale(int min, int max, boolean notApplicableAllowed) {
    public static final Scale PLATFORM = new Scale(1, 5, true);
}
