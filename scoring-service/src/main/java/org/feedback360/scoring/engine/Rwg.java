package org.feedback360.scoring.engine;

/**
 * rwg(J) of the followers on one dimension.
 *
 * @param items         J: items with at least max(2, k) follower answers
 * @param meanVariance  s̄²: mean sample variance of those items
 */
public record Rwg(double value, int items, double meanVariance, ConsensusLabel label) implements ConsensusOutcome {
    @Override
    public boolean isPublished() {
        return true;
    }
}
