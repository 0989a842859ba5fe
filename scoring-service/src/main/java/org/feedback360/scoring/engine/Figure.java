package org.feedback360.scoring.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One published number of a report, or the reason it is withheld. Never a zero in place of a withheld value.
 * JSON readers tell the shapes apart by their members (a {@link Withheld} has a {@code reason}),
 * so the JSON carries no type tag.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(Score.class), @JsonSubTypes.Type(Withheld.class)})
@JsonIgnoreProperties(value = "published", allowGetters = true)
public sealed interface Figure permits Score, Withheld {

    /** Serialised as {@code "published"} so that JSON readers can tell the two shapes apart. */
    boolean isPublished();
}
