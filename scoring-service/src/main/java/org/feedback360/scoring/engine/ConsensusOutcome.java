package org.feedback360.scoring.engine;

/** The followers' consensus on a dimension: an {@link Rwg} or the reason it is withheld. */
public sealed interface ConsensusOutcome permits Rwg, Withheld {
    boolean isPublished();
}
