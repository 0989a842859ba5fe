package org.feedback360.scoring.page;

/**
 * The lines of the radar chart: the subject, then the view they are compared with. DIRECT_REPORTS
 * is drawn when the followers are published as a group, MANAGER in a self-versus-manager review
 * (followership), OTHERS otherwise (where the manager alone could never be all others).
 */
public enum ChartSeries {
    SELF,
    DIRECT_REPORTS,
    MANAGER,
    OTHERS
}
