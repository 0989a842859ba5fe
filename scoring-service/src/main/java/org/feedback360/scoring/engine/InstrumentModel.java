package org.feedback360.scoring.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine needs of an instrument version: dimensions → items, the reverse-scored
 * flags, and the scale maximum A (answers are 1..A, or null for N/A).
 */
public record InstrumentModel(List<Dimension> dimensions, int scaleMax) {

    public static final int DEFAULT_SCALE_MAX = 5;

    public InstrumentModel {
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("an instrument needs at least one dimension");
        }
        if (scaleMax < 2) {
            throw new IllegalArgumentException("scale maximum must be at least 2, was " + scaleMax);
        }
        Map<String, String> seen = new HashMap<>();
        for (Dimension d : dimensions) {
            Objects.requireNonNull(d, "dimension");
            for (Item item : d.items()) {
                if (seen.put(item.id(), d.id()) != null) {
                    throw new IllegalArgumentException("item " + item.id() + " appears twice");
                }
            }
        }
        if (dimensions.stream().map(Dimension::id).distinct().count() != dimensions.size()) {
            throw new IllegalArgumentException("dimension ids must be unique");
        }
    }

    public static InstrumentModel of(Dimension... dimensions) {
        return new InstrumentModel(List.of(dimensions), DEFAULT_SCALE_MAX);
    }

    /** The items of all dimensions, in instrument order. */
    public List<Item> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }

    public boolean hasItem(String itemId) {
        return dimensions.stream().anyMatch(d -> d.items().stream().anyMatch(i -> i.id().equals(itemId)));
    }

    /** The answer as scored: reversed where the item is flagged, so that higher is always better. */
    public int scored(Item item, int answer) {
        return item.reverseScored() ? scaleMax + 1 - answer : answer;
    }

    /** σ²_E of the uniform null distribution, (A² − 1) / 12: 2.0 on five points. */
    public double uniformNullVariance() {
        return (scaleMax * (double) scaleMax - 1.0) / 12.0;
    }
}
