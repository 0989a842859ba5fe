package org.feedback360.scoring.engine;

/** Whose view the followers' figures and the alignment are based on. */
public enum FollowersBasis {
    /** The direct reports are published as a group. */
    DIRECT_REPORT,
    /** The direct reports are not published: fall back to all published non-self raters. */
    OTHERS,
    /** Neither is available. */
    NONE
}
