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

    static final Withheld PARTIAL_ANSWERS = new Withheld(WithheldReason.PARTIAL_ANSWERS,
            "some raters skipped some of this dimension's items: item figures beside the dimension score would "
                    + "reveal their answers");

    static final Withheld SUBJECT_ONLY = new Withheld(WithheldReason.SUBJECT_ONLY,
            "the subject's own answers to single items are shown to the subject only");

    // A report holds hundreds of these: made once per k, not once per figure.
    private static final Withheld[] GROUP_BELOW_THRESHOLD = new Withheld[32];
    private static final Withheld[] TOO_FEW_ANSWERS = new Withheld[32];

    static {
        for (int k = 0; k < GROUP_BELOW_THRESHOLD.length; k++) {
            GROUP_BELOW_THRESHOLD[k] = new Withheld(WithheldReason.GROUP_BELOW_THRESHOLD, "fewer than " + k + " raters of this group");
            TOO_FEW_ANSWERS[k] = new Withheld(WithheldReason.TOO_FEW_ANSWERS, "fewer than " + k + " ratings behind this figure");
        }
    }

    static Withheld groupBelowThreshold(int k) {
        return k < GROUP_BELOW_THRESHOLD.length ? GROUP_BELOW_THRESHOLD[k]
                : new Withheld(WithheldReason.GROUP_BELOW_THRESHOLD, "fewer than " + k + " raters of this group");
    }

    static Withheld tooFewAnswers(int k) {
        return k < TOO_FEW_ANSWERS.length ? TOO_FEW_ANSWERS[k]
                : new Withheld(WithheldReason.TOO_FEW_ANSWERS, "fewer than " + k + " ratings behind this figure");
    }
}
