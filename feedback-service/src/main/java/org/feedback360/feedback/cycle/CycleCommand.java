package org.feedback360.feedback.cycle;

import java.util.Locale;

/** The explicit commands that move a cycle on; each is its own endpoint. */
public enum CycleCommand {
    OPEN, CLOSE, RELEASE;

    /** As in the URL: {@code POST /api/v1/cycles/{id}/open}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
