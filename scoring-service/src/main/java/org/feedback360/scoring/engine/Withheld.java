package org.feedback360.scoring.engine;

import java.util.Objects;

/**
 * A figure that is not shown, and why. The detail never carries a count of raters or answers:
 * below the threshold even a count can single someone out.
 */
public record Withheld(WithheldReason reason, String detail)
        implements Figure, ConsensusOutcome, AlignmentOutcome, AlphaOutcome {

    public Withheld {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean isPublished() {
        return false;
    }

    static Withheld groupBelowThreshold(int k) {
        return new Withheld(WithheldReason.GROUP_BELOW_THRESHOLD, "fewer than " + k + " raters of this group");
    }

    static Withheld tooFewAnswers(int k) {
        return new Withheld(WithheldReason.TOO_FEW_ANSWERS, "fewer than " + k + " ratings behind this figure");
    }
}
