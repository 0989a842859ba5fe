package org.feedback360.scoring.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instrument quality for HR's cycle analytics: Cronbach's alpha per dimension over every non-self
 * submission of a cycle (all subjects) that answered all of the dimension's items.
 */
public final class CronbachAlpha {

    public static final int MIN_COMPLETE_CASES = 10;

    private CronbachAlpha() {
    }

    /** α per dimension id, in instrument order. Items count as scored (reversed where flagged). */
    public static Map<String, AlphaOutcome> perDimension(InstrumentModel instrument,
                                                          Collection<RaterSubmission> submissions) {
        Map<String, AlphaOutcome> result = new LinkedHashMap<>();
        for (Dimension dimension : instrument.dimensions()) {
            result.put(dimension.id(), forDimension(instrument, dimension, submissions));
        }
        return result;
    }

    /**
     * α = m/(m−1) × (1 − Σ var_i / var_total), sample variances. The variances are formed from
     * integer sums, which are exact, so the result does not depend on the order of the cases; the
     * common factor 1/(n(n−1)) cancels in the ratio.
     */
    public static AlphaOutcome forDimension(InstrumentModel instrument, Dimension dimension,
                                            Collection<RaterSubmission> submissions) {
        int m = dimension.items().size();
        if (m < 2) {
            return new Withheld(WithheldReason.UNDEFINED, "alpha needs at least two items");
        }
        long n = 0;
        long[] sums = new long[m];
        long[] squares = new long[m];
        long totalSum = 0;
        long totalSquares = 0;
        for (RaterSubmission s : submissions) {
            if (s.group() == RaterGroup.SELF || !complete(instrument, dimension, s)) {
                continue;
            }
            n++;
            long total = 0;
            for (int i = 0; i < m; i++) {
                int x = RaterScores.item(instrument, dimension.items().get(i), s);
                sums[i] += x;
                squares[i] += (long) x * x;
                total += x;
            }
            totalSum += total;
            totalSquares += total * total;
        }
        if (n < MIN_COMPLETE_CASES) {
            return new Withheld(WithheldReason.TOO_FEW_COMPLETE_CASES,
                    "needs at least " + MIN_COMPLETE_CASES + " complete non-self responses");
        }
        long itemVariances = 0; // Σ n(n−1)·var_i
        for (int i = 0; i < m; i++) {
            itemVariances += n * squares[i] - sums[i] * sums[i];
        }
        long totalVariance = n * totalSquares - totalSum * totalSum; // n(n−1)·var_total
        if (totalVariance == 0) {
            return new Withheld(WithheldReason.UNDEFINED, "no variance in the total score");
        }
        double alpha = (double) m / (m - 1) * (1 - (double) itemVariances / totalVariance);
        return new Alpha(alpha, (int) n);
    }

    private static boolean complete(InstrumentModel instrument, Dimension dimension, RaterSubmission s) {
        return dimension.items().stream().allMatch(item -> s.answer(item.id()) != null);
    }
}
