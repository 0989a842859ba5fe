package org.feedback360.scoring.page;

import org.feedback360.scoring.engine.RaterGroup;

/** A column of the score tables: each rater group, then all published non-self raters pooled. */
public enum Column {
    SELF,
    MANAGER,
    DIRECT_REPORT,
    PEER,
    OTHER,
    ALL_OTHERS;

    static Column of(RaterGroup group) {
        return valueOf(group.name());
    }
}
