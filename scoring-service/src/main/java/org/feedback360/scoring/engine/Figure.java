package org.feedback360.scoring.engine;

/** One published number of a report, or the reason it is withheld. Never a zero in place of a withheld value. */
public sealed interface Figure permits Score, Withheld {

    /** Serialised as {@code "published"} so that JSON readers can tell the two shapes apart. */
    boolean isPublished();
}
