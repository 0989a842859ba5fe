package org.feedback360.scoring.engine;

/** The relationship of a rater to the subject; declaration order is the report's order. */
public enum RaterGroup {
    SELF,
    MANAGER,
    /** The followers: upward feedback. */
    DIRECT_REPORT,
    PEER,
    OTHER
}
