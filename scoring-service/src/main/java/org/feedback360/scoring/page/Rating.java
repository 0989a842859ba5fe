package org.feedback360.scoring.page;

/**
 * The rating scale every instrument uses (1..5, SCORING.md). The report itself does not carry
 * the scale, so the page's charts take it from here.
 */
final class Rating {
    static final int MIN = 1;
    static final int MAX = 5;

    private Rating() {
    }

    /** Where a value lies on the scale, 0 at the minimum and 100 at the maximum, clamped. */
    static double percent(double value) {
        double p = (value - MIN) / (MAX - MIN) * 100.0;
        return Math.max(0, Math.min(100, p));
    }
}
