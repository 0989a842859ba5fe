package org.feedback360.scoring.engine;

import java.util.List;

/**
 * Everything a subject's report shows, computed only from published figures.
 *
 * @param k                          the anonymity threshold applied
 * @param publishedGroups            groups shown as themselves (SELF and the named manager when they submitted)
 * @param othersIncludesPooledGroups whether raters of too-small groups are pooled into OTHERS (they were ≥ k together)
 * @param followersBasis             the basis of every {@code followers} figure, gap and the alignment
 * @param blindSpots                 items with self − others ≥ threshold, largest gap first ("others" is
 *                                   OTHERS, or the manager on the MANAGER basis)
 * @param hiddenStrengths            items with others − self ≥ threshold, largest gap first
 */
public record SubjectReport(String subjectId, int k, List<RaterGroup> publishedGroups,
                            boolean othersIncludesPooledGroups, FollowersBasis followersBasis,
                            List<DimensionResult> dimensions, List<ItemResult> items, AlignmentOutcome alignment,
                            List<ItemGap> blindSpots, List<ItemGap> hiddenStrengths, List<CommentGroup> comments) {
    public SubjectReport {
        publishedGroups = List.copyOf(publishedGroups);
        dimensions = List.copyOf(dimensions);
        items = List.copyOf(items);
        blindSpots = List.copyOf(blindSpots);
        hiddenStrengths = List.copyOf(hiddenStrengths);
        comments = List.copyOf(comments);
    }

    /**
     * The report as a reader other than its subject may see it (rule 7: no raw individual ratings
     * of anyone but the caller's own): the subject's dimension scores and the alignment stay, their
     * item figures are withheld, their comments left out, and so are the blind spots and hidden
     * strengths, which quote the subject's item ratings.
     */
    public SubjectReport withoutSubjectsItemRatings() {
        List<ItemResult> withheld = items.stream().map(item -> {
            java.util.Map<RaterGroup, Figure> groups = new java.util.EnumMap<>(RaterGroup.class);
            groups.putAll(item.groups());
            groups.computeIfPresent(RaterGroup.SELF, (group, figure) -> Withheld.SUBJECT_ONLY);
            return new ItemResult(item.item(), item.dimension(), item.reverseScored(), groups, item.others());
        }).toList();
        return new SubjectReport(subjectId, k, publishedGroups, othersIncludesPooledGroups, followersBasis, dimensions,
                withheld, alignment, List.of(), List.of(),
                comments.stream().filter(c -> c.source() != CommentSource.SELF).toList());
    }

    /** The report's dimension scores and alignment. */
    public SubjectSummary summary() {
        return new SubjectSummary(subjectId, k, publishedGroups, othersIncludesPooledGroups, followersBasis, dimensions,
                alignment);
    }

    public DimensionResult dimension(String id) {
        return dimensions.stream().filter(d -> d.dimension().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dimension " + id));
    }

    public ItemResult item(String id) {
        return items.stream().filter(i -> i.item().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + id));
    }
}
