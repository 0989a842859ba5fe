package org.feedback360.scoring.engine;

/** Under which heading comments are shown: a published group, or OTHERS for pooled unpublished groups. */
public enum CommentSource {
    SELF,
    MANAGER,
    DIRECT_REPORT,
    PEER,
    OTHER,
    /** Raters of groups too small to publish, pooled because together they reach k. */
    OTHERS
}
