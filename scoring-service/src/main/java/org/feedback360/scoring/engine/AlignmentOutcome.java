package org.feedback360.scoring.engine;

/** The subject's overall self–other agreement, or why there is none. */
public sealed interface AlignmentOutcome permits AlignmentResult, Withheld {
    boolean isPublished();
}
