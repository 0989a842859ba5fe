package org.feedback360.scoring.engine;

/** Whose view the followers' figures and the alignment are based on. */
public enum FollowersBasis {
    /** The direct reports are published as a group. */
    DIRECT_REPORT,
    /** The direct reports are not published: fall back to all published non-self raters. */
    OTHERS,
    /**
     * A self-versus-manager instrument (followership): the subject is the follower, and the
     * comparison is with their manager's published rating.
     */
    MANAGER,
    /** Neither is available. */
    NONE
}
