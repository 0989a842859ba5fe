package org.feedback360.scoring.engine;

import java.util.Objects;

/** A rating item of an instrument; a reverse-scored item counts as (A + 1) − x. */
public record Item(String id, boolean reverseScored) {
    public Item {
        Objects.requireNonNull(id, "id");
    }

    public static Item of(String id) {
        return new Item(id, false);
    }

    public static Item reversed(String id) {
        return new Item(id, true);
    }
}
