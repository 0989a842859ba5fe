package org.feedback360.scoring.engine;

import java.util.List;

/** Self–other alignment: gap per dimension, the alignment index and the agreement category. */
public final class Alignment {

    /**
     * Means of means are not exact in binary: a difference that is δ on paper may come out a
     * hair above it. Boundaries are compared with this tolerance so that "= δ" is in agreement.
     */
    static final double TOLERANCE = 1e-9;

    private Alignment() {
    }

    /** gap_d = S_d − F_d. */
    public static double gap(double self, double followers) {
        return self - followers;
    }

    /**
     * @param dimensions the D dimensions where both S_d and F_d are published, in instrument order
     * @param self       S_d for those dimensions, same order
     * @param basis      F_d for those dimensions, same order
     */
    public static AlignmentOutcome summarise(FollowersBasis basisKind, List<String> dimensions, double[] self,
                                             double[] basis, int scaleMax, ScoringPolicy policy) {
        if (basisKind == FollowersBasis.NONE || dimensions.isEmpty()) {
            return new Withheld(WithheldReason.NO_BASIS, "no dimension with both a self and a published followers' score");
        }
        double absGaps = 0;
        double selfSum = 0;
        double basisSum = 0;
        for (int d = 0; d < dimensions.size(); d++) {
            absGaps += Math.abs(gap(self[d], basis[d]));
            selfSum += self[d];
            basisSum += basis[d];
        }
        int count = dimensions.size();
        double index = alignmentIndex(absGaps, count, scaleMax);
        double selfMean = selfSum / count;
        double basisMean = basisSum / count;
        return new AlignmentResult(basisKind, index, selfMean, basisMean, category(selfMean, basisMean, policy),
                dimensions);
    }

    /** AI = 1 − Σ|gap| / (D × (A − 1)). */
    public static double alignmentIndex(double sumOfAbsoluteGaps, int dimensions, int scaleMax) {
        return 1 - sumOfAbsoluteGaps / (dimensions * (double) (scaleMax - 1));
    }

    public static AgreementCategory category(double selfMean, double followersMean, ScoringPolicy policy) {
        double difference = selfMean - followersMean;
        if (difference > policy.deltaAgreement() + TOLERANCE) {
            return AgreementCategory.OVER_ESTIMATOR;
        }
        if (difference < -policy.deltaAgreement() - TOLERANCE) {
            return AgreementCategory.UNDER_ESTIMATOR;
        }
        return followersMean >= policy.goodThreshold() - TOLERANCE
                ? AgreementCategory.IN_AGREEMENT_GOOD
                : AgreementCategory.IN_AGREEMENT_POOR;
    }
}
