package org.feedback360.scoring.analytics;

import java.util.Arrays;

/** Mid-rank percentile ranks: the share of values below, plus half of those equal, × 100. */
final class PercentileRank {

    static final String DEFINITION = "Percentile rank within the cycle among the subjects of the same basis (the"
            + " followers' view from DIRECT_REPORT, OTHERS or MANAGER: different measures, never ranked together): the"
            + " percentage of ranked subjects with a lower value plus half of those with an equal one. alignmentIndex"
            + " ranks the alignment index among those subjects whose alignment is published; followers[d] ranks the"
            + " followers' view F_d among those whose F_d is published; among says how many were ranked.";

    private final double[] sorted;

    PercentileRank(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** The value with its rank and how many it is ranked among. */
    CycleAnalytics.Ranked ranked(double value) {
        return new CycleAnalytics.Ranked(value, of(value), sorted.length);
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
