package org.feedback360.scoring.engine;

import java.util.ArrayList;
import java.util.List;

/** rwg(J) of a group on a dimension (James, Demaree &amp; Wolf, 1984) and its LeBreton &amp; Senter label. */
public final class Consensus {
    private Consensus() {
    }

    /**
     * rwg(J) over the items that have at least {@code minAnswers} answers among the raters (two for
     * a variance; the report asks for max(2, k): an item with fewer than k answers feeds no published
     * figure). Every answer counts, also of a rater left out of the dimension score for answering
     * too few of its items.
     */
    public static ConsensusOutcome rwg(InstrumentModel instrument, Dimension dimension,
                                       List<RaterSubmission> raters, int minAnswers) {
        if (minAnswers < 2) {
            throw new IllegalArgumentException("a variance needs at least two answers");
        }
        int j = 0;
        double varianceSum = 0;
        for (Item item : dimension.items()) {
            List<Integer> answers = new ArrayList<>();
            for (RaterSubmission rater : raters) {
                Integer scored = RaterScores.item(instrument, item, rater);
                if (scored != null) {
                    answers.add(scored);
                }
            }
            if (answers.size() >= minAnswers) {
                j++;
                varianceSum += GroupStatistics.sampleVariance(answers);
            }
        }
        if (j == 0) {
            return new Withheld(WithheldReason.NO_ITEM_WITH_ENOUGH_ANSWERS,
                    "no item with " + minAnswers + " or more answers");
        }
        double meanVariance = varianceSum / j;
        double value = rwg(j, meanVariance, instrument.uniformNullVariance());
        return new Rwg(value, j, meanVariance, label(value));
    }

    /** rwg(J) = J(1 − s̄²/σ²) / (J(1 − s̄²/σ²) + s̄²/σ²); 0 when s̄² ≥ σ². */
    public static double rwg(int j, double meanVariance, double nullVariance) {
        if (meanVariance >= nullVariance) {
            return 0.0;
        }
        double ratio = meanVariance / nullVariance;
        double agreement = j * (1 - ratio);
        return agreement / (agreement + ratio);
    }

    /**
     * The label of the value as displayed to two decimals, so that the table's gaps
     * (.30 / .31 …) need no interpretation: 0.305 shows as .31 and is weak.
     */
    public static ConsensusLabel label(double rwg) {
        long hundredths = Math.round(rwg * 100 + 1e-9);
        if (hundredths <= 30) {
            return ConsensusLabel.LACK_OF_AGREEMENT;
        }
        if (hundredths <= 50) {
            return ConsensusLabel.WEAK;
        }
        if (hundredths <= 70) {
            return ConsensusLabel.MODERATE;
        }
        if (hundredths <= 90) {
            return ConsensusLabel.STRONG;
        }
        return ConsensusLabel.VERY_STRONG;
    }
}
