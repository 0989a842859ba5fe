package org.feedback360.scoring.engine;

/** Cronbach's alpha of a dimension, or why it is absent. */
public sealed interface AlphaOutcome permits Alpha, Withheld {
    boolean isPublished();
}
