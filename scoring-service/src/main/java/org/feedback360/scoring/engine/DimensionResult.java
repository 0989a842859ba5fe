package org.feedback360.scoring.engine;

import java.util.Map;

/**
 * One dimension of a subject's report.
 *
 * @param groups     every rater group's figure, SELF included (the subject's own)
 * @param others     OTHERS: all published non-self raters pooled, each once
 * @param followers  the followers' view F_d on the report's basis (the DIRECT_REPORT, OTHERS or, on a
 *                   self-versus-manager instrument, the MANAGER figure)
 * @param gap        S_d − F_d, or null where either is not published
 * @param consensus  rwg(J) of the direct reports (NOT_APPLICABLE on a self-versus-manager instrument)
 */
public record DimensionResult(String dimension, Map<RaterGroup, Figure> groups, Figure others, Figure followers,
                              Double gap, ConsensusOutcome consensus) {
    public DimensionResult {
        groups = ReportMaps.byGroup(groups);
    }
}
