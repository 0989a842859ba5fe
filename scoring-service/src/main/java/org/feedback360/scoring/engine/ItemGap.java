package org.feedback360.scoring.engine;

/** A blind spot (gap = self − others ≥ threshold) or hidden strength (others − self ≥ threshold); gap is positive. */
public record ItemGap(String item, String dimension, double self, double others, double gap) {
}
