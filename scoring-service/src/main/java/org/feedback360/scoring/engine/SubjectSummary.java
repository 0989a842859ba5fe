package org.feedback360.scoring.engine;

import java.util.List;

/**
 * A subject's dimension scores and alignment, without item figures and comments: what the
 * scoring service keeps current while a cycle runs (a tenth of a full report's size), and the
 * head of every {@link SubjectReport}.
 */
public record SubjectSummary(String subjectId, int k, List<RaterGroup> publishedGroups,
                             boolean othersIncludesPooledGroups, FollowersBasis followersBasis,
                             List<DimensionResult> dimensions, AlignmentOutcome alignment) {
    public SubjectSummary {
        publishedGroups = List.copyOf(publishedGroups);
        dimensions = List.copyOf(dimensions);
    }
}
