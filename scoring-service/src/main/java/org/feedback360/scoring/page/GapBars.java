package org.feedback360.scoring.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Geometry of diverging bars around zero, in percent of the track width: zero sits in the middle
 * and the scale runs from −extent to +extent, where extent is the smallest whole number of points
 * (at most A − 1) that holds the largest gap. Whole-point extents keep the ticks readable and the
 * same report always draws the same scale.
 */
public final class GapBars {

    static final int MAX_EXTENT = Rating.MAX - Rating.MIN;

    private final int extent;

    private GapBars(int extent) {
        this.extent = extent;
    }

    /** @param gaps the gaps to draw; null entries (withheld) are ignored */
    public static GapBars of(List<Double> gaps) {
        double largest = gaps.stream().filter(Objects::nonNull).mapToDouble(Math::abs).max().orElse(0);
        int extent = (int) Math.max(1, Math.min(MAX_EXTENT, Math.ceil(largest - 1e-9)));
        return new GapBars(extent);
    }

    public int extent() {
        return extent;
    }

    /** Horizontal position of a value in percent of the track, 50 being zero. */
    public double position(double value) {
        double clamped = Math.max(-extent, Math.min(extent, value));
        return 50.0 + 50.0 * clamped / extent;
    }

    /** The bar of one gap: it starts at zero and grows right for a positive gap, left for a negative one. */
    public Bar bar(double gap) {
        double end = position(gap);
        double start = Math.min(50.0, end);
        return new Bar(start, Math.abs(end - 50.0), gap >= 0);
    }

    /** One tick per whole point from −extent to +extent. */
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (int v = -extent; v <= extent; v++) {
            ticks.add(new Tick(v, position(v)));
        }
        return ticks;
    }

    /**
     * @param x        left edge in percent of the track
     * @param width    width in percent of the track
     * @param positive whether the bar grows right of zero (self above followers)
     */
    public record Bar(double x, double width, boolean positive) {
    }

    public record Tick(int value, double x) {
    }
}
