package org.feedback360.feedback.cycle;

public enum CycleState {
    /** Being prepared by HR; nobody is asked anything yet. */
    DRAFT,
    /** Raters are assigned and may answer. */
    OPEN,
    /** No more answers; results are being prepared. */
    CLOSED,
    /** Reports are published to their subjects. */
    RELEASED
}
