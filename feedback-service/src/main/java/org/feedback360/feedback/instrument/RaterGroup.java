package org.feedback360.feedback.instrument;

/** Whose view a rating is: the subject's own, their manager's, a follower's or a peer's. */
public enum RaterGroup {
    SELF, MANAGER, DIRECT_REPORT, PEER
}
