package org.feedback360.scoring.page;

/** The lines of the radar chart. DIRECT_REPORTS is drawn only when the followers are published as a group. */
public enum ChartSeries {
    SELF,
    DIRECT_REPORTS,
    OTHERS
}
