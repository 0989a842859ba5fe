package org.feedback360.scoring.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes a subject's report from the current set of submissions about them: a pure function of
 * that set, so the streaming consumer and a rebuild from scratch give identical numbers whatever
 * the order in which submissions arrived.
 */
public final class ReportCalculator {

    private final InstrumentModel instrument;
    private final ScoringPolicy policy;
    /** Off only to reproduce SCORING.md's worked example as written (tests); never in a published report. */
    private final boolean partialAnswersRule;

    public ReportCalculator(InstrumentModel instrument, ScoringPolicy policy) {
        this(instrument, policy, true);
    }

    private ReportCalculator(InstrumentModel instrument, ScoringPolicy policy, boolean partialAnswersRule) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.partialAnswersRule = partialAnswersRule;
    }

    /**
     * The raw statistics SCORING.md's worked example lists, item figures beside partial answers
     * included: package-private so that no API can publish them (see {@link PartialAnswers}).
     */
    ReportCalculator withoutPartialAnswersRule() {
        return new ReportCalculator(instrument, policy, false);
    }

    public SubjectReport calculate(String subjectId, SubmissionSet submissions) {
        return calculate(subjectId, submissions.submissions());
    }

    /**
     * @param submissions the latest submission of each rater (one per rater key), in any order
     * @throws IllegalArgumentException on a duplicate rater key, more than one SELF, an unknown item
     *                                  or an answer outside 1..A
     */
    public SubjectReport calculate(String subjectId, Collection<RaterSubmission> submissions) {
        Objects.requireNonNull(subjectId, "subjectId");
        List<RaterSubmission> raters = canonical(submissions);
        Publication publication = Publication.decide(policy, raters);
        SubjectSummary summary = summarise(subjectId, raters, publication);

        List<ItemResult> items = new ArrayList<>();
        for (int d = 0; d < instrument.dimensions().size(); d++) {
            Dimension dimension = instrument.dimensions().get(d);
            ItemDisclosure disclosure = itemDisclosure(dimension, summary.dimensions().get(d), raters, publication);
            for (Item item : dimension.items()) {
                items.add(itemResult(dimension, item, raters, publication, disclosure));
            }
        }
        FollowersBasis basis = summary.followersBasis();
        return new SubjectReport(subjectId, policy.k(), summary.publishedGroups(), summary.othersIncludesPooledGroups(),
                basis, summary.dimensions(), items, summary.alignment(), gaps(items, basis, true),
                gaps(items, basis, false), comments(subjectId, raters, publication));
    }

    /**
     * The dimension scores and the alignment only, without items and comments: what a subject's
     * aggregate keeps while the cycle runs. Equal to {@code calculate(...).summary()}.
     */
    public SubjectSummary summarise(String subjectId, Collection<RaterSubmission> submissions) {
        Objects.requireNonNull(subjectId, "subjectId");
        List<RaterSubmission> raters = canonical(submissions);
        return summarise(subjectId, raters, Publication.decide(policy, raters));
    }

    private SubjectSummary summarise(String subjectId, List<RaterSubmission> raters, Publication publication) {
        List<DimensionDraft> drafts = new ArrayList<>();
        for (Dimension dimension : instrument.dimensions()) {
            drafts.add(dimensionDraft(dimension, raters, publication));
        }
        FollowersBasis basis = basis(publication, drafts);

        List<DimensionResult> dimensions = new ArrayList<>();
        List<String> aligned = new ArrayList<>();
        List<Double> selfScores = new ArrayList<>();
        List<Double> basisScores = new ArrayList<>();
        for (DimensionDraft draft : drafts) {
            Figure followers = switch (basis) {
                case DIRECT_REPORT -> draft.groups.get(RaterGroup.DIRECT_REPORT);
                case OTHERS -> draft.others;
                case MANAGER -> draft.groups.get(RaterGroup.MANAGER);
                case NONE -> new Withheld(WithheldReason.NO_BASIS, instrument.comparesSelfWithManager()
                        ? "the manager's rating is not published" : "neither followers nor others are published");
            };
            Double gap = null;
            if (draft.groups.get(RaterGroup.SELF) instanceof Score self && followers instanceof Score f) {
                gap = Alignment.gap(self.mean(), f.mean());
                aligned.add(draft.dimension.id());
                selfScores.add(self.mean());
                basisScores.add(f.mean());
            }
            dimensions.add(new DimensionResult(draft.dimension.id(), draft.groups, draft.others, followers, gap,
                    draft.consensus));
        }
        AlignmentOutcome alignment = Alignment.summarise(basis, aligned, toArray(selfScores), toArray(basisScores),
                instrument.scaleMax(), policy);

        List<RaterGroup> publishedGroups = new ArrayList<>();
        for (RaterGroup group : RaterGroup.values()) {
            if (publication.isPublished(group)) {
                publishedGroups.add(group);
            }
        }
        return new SubjectSummary(subjectId, policy.k(), publishedGroups, publication.isPoolPublished(), basis,
                dimensions, alignment);
    }

    /**
     * The followers' view: the direct reports when published, else OTHERS where published. A
     * self-versus-manager instrument compares with the manager instead: there are no followers,
     * and OTHERS (the manager alone) could never reach k.
     */
    private FollowersBasis basis(Publication publication, List<DimensionDraft> drafts) {
        if (instrument.comparesSelfWithManager()) {
            return publication.isPublished(RaterGroup.MANAGER) ? FollowersBasis.MANAGER : FollowersBasis.NONE;
        }
        if (publication.isPublished(RaterGroup.DIRECT_REPORT)) {
            return FollowersBasis.DIRECT_REPORT;
        }
        return drafts.stream().anyMatch(d -> d.others instanceof Score) ? FollowersBasis.OTHERS : FollowersBasis.NONE;
    }

    private List<RaterSubmission> canonical(Collection<RaterSubmission> submissions) {
        Set<String> keys = new HashSet<>();
        int selves = 0;
        for (RaterSubmission s : submissions) {
            if (!keys.add(s.raterKey())) {
                throw new IllegalArgumentException("two submissions with one rater key: apply revisions first");
            }
            if (s.group() == RaterGroup.SELF && ++selves > 1) {
                throw new IllegalArgumentException("more than one SELF submission");
            }
            String violation = instrument.violation(s);
            if (violation != null) {
                throw new IllegalArgumentException(violation);
            }
        }
        // Sums of non-integers depend on order: always add in rater-key order.
        return submissions.stream().sorted(Comparator.comparing(RaterSubmission::raterKey)).toList();
    }

    private record DimensionDraft(Dimension dimension, Map<RaterGroup, Figure> groups, Figure others,
                                  ConsensusOutcome consensus) {
    }

    private DimensionDraft dimensionDraft(Dimension dimension, List<RaterSubmission> raters, Publication publication) {
        Map<RaterGroup, List<Double>> byGroup = new EnumMap<>(RaterGroup.class);
        List<Double> others = new ArrayList<>();
        Map<RaterGroup, Integer> othersCount = new EnumMap<>(RaterGroup.class);
        for (RaterSubmission rater : raters) {
            OptionalDouble score = RaterScores.dimension(instrument, dimension, rater);
            if (score.isEmpty()) {
                continue;
            }
            byGroup.computeIfAbsent(rater.group(), g -> new ArrayList<>()).add(score.getAsDouble());
            if (publication.isInOthers(rater.group())) {
                others.add(score.getAsDouble());
                othersCount.merge(rater.group(), 1, Integer::sum);
            }
        }
        Map<RaterGroup, Figure> groups = groupFigures(publication, g -> GroupStatistics.of(byGroup.getOrDefault(g, List.of())));
        Figure othersFigure = publication.othersFigure(GroupStatistics.of(others), othersCount, groups);

        ConsensusOutcome consensus;
        if (instrument.comparesSelfWithManager()) {
            consensus = new Withheld(WithheldReason.NOT_APPLICABLE, "the instrument has no followers' group");
        } else if (groups.get(RaterGroup.DIRECT_REPORT) instanceof Withheld withheld) {
            consensus = withheld;
        } else {
            // An item with fewer than k answers feeds no published figure (rule 3), rwg(J) included.
            consensus = Consensus.rwg(instrument, dimension,
                    raters.stream().filter(r -> r.group() == RaterGroup.DIRECT_REPORT).toList(),
                    Math.max(2, policy.k()));
        }
        return new DimensionDraft(dimension, groups, othersFigure, consensus);
    }

    /**
     * Whose item figures of the dimension are withheld because, beside the dimension figures,
     * they would give away the answers of raters who skipped some of its items ({@link PartialAnswers}).
     *
     * @param groups the anonymous groups whose item figures are withheld
     * @param others whether the OTHERS item figures are withheld
     */
    private record ItemDisclosure(Set<RaterGroup> groups, boolean others) {
        static final ItemDisclosure ALL_SHOWN = new ItemDisclosure(Set.of(), false);
    }

    private ItemDisclosure itemDisclosure(Dimension dimension, DimensionResult figures, List<RaterSubmission> raters,
                                          Publication publication) {
        if (!partialAnswersRule || raters.stream().noneMatch(r -> anonymousInOthers(publication, r.group())
                && PartialAnswers.isPartial(dimension, r))) {
            return ItemDisclosure.ALL_SHOWN;
        }
        Map<RaterGroup, PartialAnswers.Tally> tallies = new EnumMap<>(RaterGroup.class);
        for (RaterGroup group : RaterGroup.values()) {
            if (anonymousInOthers(publication, group)) {
                tallies.put(group, PartialAnswers.Tally.of(dimension,
                        raters.stream().filter(r -> r.group() == group).toList()));
            }
        }
        Set<RaterGroup> withheld = EnumSet.noneOf(RaterGroup.class);
        for (var entry : tallies.entrySet()) {
            RaterGroup group = entry.getKey();
            boolean dimensionShown = figures.groups().get(group) instanceof Score;
            if (publication.isPublished(group)
                    && !PartialAnswers.itemsSafe(policy.k(), List.of(new PartialAnswers.Block(entry.getValue(), dimensionShown)))) {
                withheld.add(group);
            }
        }
        // OTHERS minus the groups shown in full leaves the pool and the groups whose figures are withheld:
        // a group with its own dimension figure is a block of its own, the rest move with OTHERS.
        List<PartialAnswers.Block> blocks = new ArrayList<>();
        PartialAnswers.Tally rest = PartialAnswers.Tally.NONE;
        for (var entry : tallies.entrySet()) {
            RaterGroup group = entry.getKey();
            if (!publication.isPublished(group) || !(figures.groups().get(group) instanceof Score)) {
                rest = rest.plus(entry.getValue());
            } else if (withheld.contains(group)) {
                blocks.add(new PartialAnswers.Block(entry.getValue(), true));
            }
        }
        blocks.add(new PartialAnswers.Block(rest, figures.others() instanceof Score));
        return new ItemDisclosure(withheld, !PartialAnswers.itemsSafe(policy.k(), blocks));
    }

    /** The raters whose item figures the partial-answers rule protects: pooled in OTHERS, not named. */
    private static boolean anonymousInOthers(Publication publication, RaterGroup group) {
        return publication.isInOthers(group) && !publication.isNamed(group);
    }

    private ItemResult itemResult(Dimension dimension, Item item, List<RaterSubmission> raters, Publication publication,
                                  ItemDisclosure disclosure) {
        Map<RaterGroup, List<Integer>> byGroup = new EnumMap<>(RaterGroup.class);
        List<Integer> others = new ArrayList<>();
        Map<RaterGroup, Integer> othersCount = new EnumMap<>(RaterGroup.class);
        for (RaterSubmission rater : raters) {
            Integer scored = RaterScores.item(instrument, item, rater);
            if (scored == null) {
                continue;
            }
            byGroup.computeIfAbsent(rater.group(), g -> new ArrayList<>()).add(scored);
            if (publication.isInOthers(rater.group())) {
                others.add(scored);
                othersCount.merge(rater.group(), 1, Integer::sum);
            }
        }
        Map<RaterGroup, Figure> groups = groupFigures(publication, g -> GroupStatistics.ofAnswers(byGroup.getOrDefault(g, List.of())));
        disclosure.groups().forEach(g -> groups.computeIfPresent(g, (group, figure) -> partialAnswers(figure)));
        Figure othersFigure = publication.othersFigure(GroupStatistics.ofAnswers(others), othersCount, groups);
        if (disclosure.others()) {
            othersFigure = partialAnswers(othersFigure);
        }
        return new ItemResult(item.id(), dimension.id(), item.reverseScored(), groups, othersFigure);
    }

    /** A figure that would be shown is withheld for partial answers; one withheld already keeps its reason. */
    private static Figure partialAnswers(Figure figure) {
        return figure instanceof Score ? Withheld.PARTIAL_ANSWERS : figure;
    }

    /** A figure for each group the instrument is rated by (a group it has no place for is no column of the report). */
    private Map<RaterGroup, Figure> groupFigures(Publication publication, Function<RaterGroup, Score> raw) {
        Map<RaterGroup, Figure> groups = new EnumMap<>(RaterGroup.class);
        for (RaterGroup group : instrument.raterGroups()) {
            groups.put(group, publication.groupFigure(group, raw.apply(group)));
        }
        return groups;
    }

    /**
     * Blind spots (self above others) or hidden strengths (others above self), largest gap first.
     * On the MANAGER basis "others" is the manager's item figure: OTHERS never reaches k there.
     */
    private List<ItemGap> gaps(List<ItemResult> items, FollowersBasis basis, boolean blindSpots) {
        List<ItemGap> result = new ArrayList<>();
        for (ItemResult item : items) {
            Figure comparison = basis == FollowersBasis.MANAGER ? item.groups().get(RaterGroup.MANAGER) : item.others();
            if (item.groups().get(RaterGroup.SELF) instanceof Score self && comparison instanceof Score others) {
                double gap = blindSpots ? self.mean() - others.mean() : others.mean() - self.mean();
                if (gap >= policy.blindSpotThreshold() - Alignment.TOLERANCE) {
                    result.add(new ItemGap(item.item(), item.dimension(), self.mean(), others.mean(), gap));
                }
            }
        }
        // Stable sort: equal gaps keep instrument order.
        result.sort(Comparator.comparingDouble(ItemGap::gap).reversed());
        return result;
    }

    private static List<CommentGroup> comments(String subjectId, List<RaterSubmission> raters, Publication publication) {
        List<CommentGroup> result = new ArrayList<>();
        for (CommentSource source : CommentSource.values()) {
            if (!publication.isPublished(source)) {
                continue;
            }
            Map<String, List<String>> byQuestion = new TreeMap<>();
            for (RaterSubmission rater : raters) {
                if (!source(rater.group(), publication).equals(source)) {
                    continue;
                }
                rater.comments().forEach((question, text) -> {
                    if (text != null && !text.isBlank()) {
                        byQuestion.computeIfAbsent(question, q -> new ArrayList<>()).add(text.strip());
                    }
                });
            }
            byQuestion.forEach((question, texts) ->
                    result.add(new CommentGroup(source, question, CommentOrder.order(subjectId, texts))));
        }
        return result;
    }

    private static CommentSource source(RaterGroup group, Publication publication) {
        return publication.isPublished(group) ? CommentSource.valueOf(group.name()) : CommentSource.OTHERS;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public InstrumentModel instrument() {
        return instrument;
    }

    public ScoringPolicy policy() {
        return policy;
    }
}
