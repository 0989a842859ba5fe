package org.feedback360.scoring.analytics;

import java.util.Arrays;

/** Mid-rank percentile ranks: the share of values below, plus half of those equal, × 100. */
final class PercentileRank {

    static final String DEFINITION = "Percentile rank within the cycle: the percentage of ranked subjects with a lower"
            + " value plus half of those with an equal one. alignmentIndex ranks the alignment index among subjects"
            + " whose alignment is published; followers[d] ranks the followers' view F_d (on each report's basis:"
            + " DIRECT_REPORT, OTHERS or MANAGER) among subjects whose F_d is published.";

    private final double[] sorted;

    PercentileRank(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    double of(double value) {
        int below = 0;
        int equal = 0;
        for (double v : sorted) {
            if (v < value) {
                below++;
            } else if (v == value) {
                equal++;
            }
        }
        return 100.0 * (below + 0.5 * equal) / sorted.length;
    }
}
