package org.feedback360.scoring.cycle;

/** The states a cycle is announced in; a cycle only moves forward through them. */
public enum CycleState {
    OPEN,
    CLOSED,
    RELEASED;

    /** 1, 2, 3: stored next to the state so that an older event never overwrites a newer state. */
    public int rank() {
        return ordinal() + 1;
    }
}
