package org.feedback360.scoring.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Cronbach's alpha of a dimension, or why it is absent.
 * JSON readers tell the shapes apart by their members (a {@link Withheld} has a {@code reason}),
 * so the JSON carries no type tag.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(Alpha.class), @JsonSubTypes.Type(Withheld.class)})
@JsonIgnoreProperties(value = "published", allowGetters = true)
public sealed interface AlphaOutcome permits Alpha, Withheld {
    boolean isPublished();
}
