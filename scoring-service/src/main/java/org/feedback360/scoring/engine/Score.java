package org.feedback360.scoring.engine;

/**
 * A published mean.
 *
 * @param n   how many ratings stand behind it (raters for a dimension, answers for an item)
 * @param sd  sample standard deviation (n − 1 denominator) for group dimension scores with n ≥ 2; otherwise null
 */
public record Score(double mean, int n, Double sd) implements Figure {

    @Override
    public boolean isPublished() {
        return true;
    }
}
