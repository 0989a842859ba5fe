package org.feedback360.scoring.engine;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Why a figure is not shown. */
public enum WithheldReason {
    /** Anonymity rule 1: the group has fewer than k raters (0 included: even "nobody answered" is not told). */
    GROUP_BELOW_THRESHOLD,
    /** Anonymity rule 3: fewer than k answers (items) or rater scores (dimensions) behind this figure. */
    TOO_FEW_ANSWERS,
    /**
     * The OTHERS figure would let a withheld figure be derived by subtracting published ones
     * (the reasoning of anonymity rule 2, applied to each figure).
     */
    COMPLEMENTARY_DISCLOSURE,
    /**
     * Item figures beside a dimension figure of the same raters would reveal the answers of the
     * raters who skipped some of the dimension's items (fewer than k of them, or a class of them
     * that can be singled out): see PartialAnswers. Not in SCORING.md, which this rule completes.
     */
    PARTIAL_ANSWERS,
    /** A self or named manager's rating that was not given (not submitted, N/A, or too few items answered). */
    NOT_ANSWERED,
    /** Neither the followers nor OTHERS are published on any dimension that also has a self score. */
    NO_BASIS,
    /** rwg(J): no item of the dimension has at least max(2, k) follower answers. */
    @JsonAlias("NO_ITEM_WITH_TWO_ANSWERS") // its name in reports frozen before k applied to rwg(J)'s items
    NO_ITEM_WITH_ENOUGH_ANSWERS,
    /** Cronbach's alpha: fewer complete cases than required. */
    TOO_FEW_COMPLETE_CASES,
    /** Cronbach's alpha: undefined for one item or zero total variance. */
    UNDEFINED,
    /**
     * The subject's own item ratings, shown to the subject only (rule 7): another reader who may see
     * the report (the manager in a followership review) sees the subject's dimension scores, not
     * their answers to single items.
     */
    SUBJECT_ONLY,
    /** The figure does not exist for this instrument (rwg(J) of followers on a self-versus-manager instrument). */
    NOT_APPLICABLE
}
