package org.feedback360.scoring.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine needs of an instrument version: dimensions → items, the reverse-scored
 * flags, the scale maximum A (answers are 1..A, or null for N/A) and the rater groups the
 * instrument is meant for (which decides the comparison basis, see {@link #comparesSelfWithManager()}).
 *
 * <p>A class rather than a record so that it can keep an index of its items: the consumer and the
 * rebuild look items up once per answer.
 */
public final class InstrumentModel {

    public static final int DEFAULT_SCALE_MAX = 5;

    private final List<Dimension> dimensions;
    private final int scaleMax;
    private final Set<RaterGroup> raterGroups;
    private final Map<String, Item> itemsById;

    /** An instrument rated by every group. */
    public InstrumentModel(List<Dimension> dimensions, int scaleMax) {
        this(dimensions, scaleMax, EnumSet.allOf(RaterGroup.class));
    }

    public InstrumentModel(List<Dimension> dimensions, int scaleMax, Collection<RaterGroup> raterGroups) {
        this.dimensions = List.copyOf(dimensions);
        this.scaleMax = scaleMax;
        if (this.dimensions.isEmpty()) {
            throw new IllegalArgumentException("an instrument needs at least one dimension");
        }
        if (scaleMax < 2) {
            throw new IllegalArgumentException("scale maximum must be at least 2, was " + scaleMax);
        }
        if (raterGroups == null || raterGroups.isEmpty()) {
            throw new IllegalArgumentException("an instrument needs at least one rater group");
        }
        this.raterGroups = Collections.unmodifiableSet(EnumSet.copyOf(raterGroups));
        Map<String, Item> items = new HashMap<>();
        for (Dimension d : this.dimensions) {
            Objects.requireNonNull(d, "dimension");
            for (Item item : d.items()) {
                if (items.put(item.id(), item) != null) {
                    throw new IllegalArgumentException("item " + item.id() + " appears twice");
                }
            }
        }
        this.itemsById = Map.copyOf(items);
        if (this.dimensions.stream().map(Dimension::id).distinct().count() != this.dimensions.size()) {
            throw new IllegalArgumentException("dimension ids must be unique");
        }
    }

    public static InstrumentModel of(Dimension... dimensions) {
        return new InstrumentModel(List.of(dimensions), DEFAULT_SCALE_MAX);
    }

    /** This instrument, meant for the given rater groups only. */
    public InstrumentModel ratedBy(RaterGroup... groups) {
        return new InstrumentModel(dimensions, scaleMax, List.of(groups));
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public int scaleMax() {
        return scaleMax;
    }

    public Set<RaterGroup> raterGroups() {
        return raterGroups;
    }

    /**
     * A self-versus-manager instrument (followership-v1): rated by the subject and their manager
     * only. Its alignment compares self with the manager; followers and OTHERS do not exist there.
     */
    public boolean comparesSelfWithManager() {
        return raterGroups.contains(RaterGroup.MANAGER)
                && raterGroups.stream().allMatch(g -> g == RaterGroup.SELF || g == RaterGroup.MANAGER);
    }

    /** The items of all dimensions, in instrument order. */
    public List<Item> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }

    public boolean hasItem(String itemId) {
        return itemsById.containsKey(itemId);
    }

    /**
     * Why a submission cannot be scored with this instrument (an unknown item, an answer outside
     * 1..A), or null when it can.
     */
    public String violation(RaterSubmission submission) {
        for (var answer : submission.answers().entrySet()) {
            if (!hasItem(answer.getKey())) {
                return "unknown item " + answer.getKey();
            }
            Integer value = answer.getValue();
            if (value != null && (value < 1 || value > scaleMax)) {
                return "answer to " + answer.getKey() + " outside 1.." + scaleMax;
            }
        }
        return null;
    }

    /** The answer as scored: reversed where the item is flagged, so that higher is always better. */
    public int scored(Item item, int answer) {
        return item.reverseScored() ? scaleMax + 1 - answer : answer;
    }

    /** σ²_E of the uniform null distribution, (A² − 1) / 12: 2.0 on five points. */
    public double uniformNullVariance() {
        return (scaleMax * (double) scaleMax - 1.0) / 12.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstrumentModel other && scaleMax == other.scaleMax
                && dimensions.equals(other.dimensions) && raterGroups.equals(other.raterGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimensions, scaleMax, raterGroups);
    }

    @Override
    public String toString() {
        return "InstrumentModel[dimensions=" + dimensions + ", scaleMax=" + scaleMax + ", raterGroups=" + raterGroups + "]";
    }
}
