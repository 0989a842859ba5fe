package org.feedback360.scoring.engine;

import java.util.Map;

/**
 * One rating item of a subject's report. Values are as scored: reversed where the item is
 * flagged, so higher is always better. Item figures carry a mean and n, no sd.
 */
public record ItemResult(String item, String dimension, boolean reverseScored, Map<RaterGroup, Figure> groups,
                         Figure others) {
    public ItemResult {
        groups = ReportMaps.byGroup(groups);
    }
}
