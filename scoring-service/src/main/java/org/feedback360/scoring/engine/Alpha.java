package org.feedback360.scoring.engine;

/** Cronbach's alpha of a dimension over {@code cases} complete non-self submissions. */
public record Alpha(double value, int cases) implements AlphaOutcome {
    @Override
    public boolean isPublished() {
        return true;
    }
}
