package org.feedback360.scoring.engine;

import java.util.List;

/**
 * Alignment over the dimensions where both the self score and the basis score are published.
 *
 * @param index          AI = 1 − Σ|S_d − F_d| / (D × (A − 1)); 1 is perfect agreement
 * @param selfMean       S̄
 * @param followersMean  F̄, on the given basis
 * @param dimensions     the D dimensions used, in instrument order
 */
public record AlignmentResult(FollowersBasis basis, double index, double selfMean, double followersMean,
                              AgreementCategory category, List<String> dimensions) implements AlignmentOutcome {
    public AlignmentResult {
        dimensions = List.copyOf(dimensions);
    }

    @Override
    public boolean isPublished() {
        return true;
    }
}
