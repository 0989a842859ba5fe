package org.feedback360.scoring.engine;

/**
 * A cycle's configurable rules. Called a scoring policy rather than an anonymity policy
 * because besides k and the manager's visibility it carries the alignment thresholds.
 *
 * @param k                   anonymity threshold: a figure is shown only if at least k raters stand behind it
 * @param managerAnonymous    false (the default): the manager's rating is shown with n = 1;
 *                            true: the manager is a group like any other and needs k
 * @param deltaAgreement      δ: |S̄ − F̄| within δ counts as in agreement
 * @param goodThreshold       F̄ at or above this is IN_AGREEMENT_GOOD, below IN_AGREEMENT_POOR
 * @param blindSpotThreshold  an item gap of at least this many points is a blind spot / hidden strength
 */
public record ScoringPolicy(int k, boolean managerAnonymous, double deltaAgreement, double goodThreshold,
                            double blindSpotThreshold) {

    public static final int MIN_K = 2;
    public static final ScoringPolicy DEFAULT = new ScoringPolicy(3, false, 0.5, 3.5, 1.0);

    public ScoringPolicy {
        if (k < MIN_K) {
            throw new IllegalArgumentException("anonymity threshold k must be at least " + MIN_K + ", was " + k);
        }
        if (!(deltaAgreement >= 0) || !(blindSpotThreshold > 0) || !Double.isFinite(goodThreshold)) {
            throw new IllegalArgumentException("invalid thresholds");
        }
    }

    public ScoringPolicy withK(int newK) {
        return new ScoringPolicy(newK, managerAnonymous, deltaAgreement, goodThreshold, blindSpotThreshold);
    }

    public ScoringPolicy withManagerAnonymous(boolean anonymous) {
        return new ScoringPolicy(k, anonymous, deltaAgreement, goodThreshold, blindSpotThreshold);
    }
}
