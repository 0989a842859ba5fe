package org.feedback360.scoring.engine;

import java.util.List;
import java.util.Objects;

/** A dimension of an instrument and its rating items, in instrument order. */
public record Dimension(String id, List<Item> items) {
    public Dimension {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("dimension " + id + " has no items");
        }
    }

    public static Dimension of(String id, Item... items) {
        return new Dimension(id, List.of(items));
    }

    /** ceil(m/2) for the dimension's m items: a rater must answer this many to get a score. */
    public int minimumAnswered() {
        return (items.size() + 1) / 2;
    }
}
