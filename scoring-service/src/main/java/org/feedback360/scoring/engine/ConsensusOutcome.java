package org.feedback360.scoring.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The followers' consensus on a dimension: an {@link Rwg} or the reason it is withheld.
 * JSON readers tell the shapes apart by their members (a {@link Withheld} has a {@code reason}),
 * so the JSON carries no type tag.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(Rwg.class), @JsonSubTypes.Type(Withheld.class)})
@JsonIgnoreProperties(value = "published", allowGetters = true)
public sealed interface ConsensusOutcome permits Rwg, Withheld {
    boolean isPublished();
}
