package org.feedback360.scoring.engine;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The anonymity decisions for one subject: which groups are published, whether the raters of
 * the unpublished groups are pooled into OTHERS, and for every single figure whether it may be shown.
 */
public final class Publication {

    private final ScoringPolicy policy;
    private final Set<RaterGroup> published;
    private final boolean poolPublished;

    private Publication(ScoringPolicy policy, Set<RaterGroup> published, boolean poolPublished) {
        this.policy = policy;
        this.published = published;
        this.poolPublished = poolPublished;
    }

    public static Publication decide(ScoringPolicy policy, Collection<RaterSubmission> submissions) {
        Map<RaterGroup, Integer> raters = new EnumMap<>(RaterGroup.class);
        for (RaterSubmission s : submissions) {
            raters.merge(s.group(), 1, Integer::sum);
        }
        Set<RaterGroup> published = EnumSet.noneOf(RaterGroup.class);
        int pooled = 0;
        for (var entry : raters.entrySet()) {
            RaterGroup group = entry.getKey();
            if (isNamed(policy, group) || entry.getValue() >= policy.k()) {
                published.add(group);
            } else {
                pooled += entry.getValue();
            }
        }
        return new Publication(policy, published, pooled >= policy.k());
    }

    /** SELF is shown to its subject; MANAGER is shown with its n when the policy says it is not anonymous. */
    private static boolean isNamed(ScoringPolicy policy, RaterGroup group) {
        return group == RaterGroup.SELF || group == RaterGroup.MANAGER && !policy.managerAnonymous();
    }

    /** Whether the group's raters are shown by name: SELF, and the manager unless the policy makes them anonymous. */
    public boolean isNamed(RaterGroup group) {
        return isNamed(policy, group);
    }

    /** Whether the group is shown as itself. */
    public boolean isPublished(RaterGroup group) {
        return published.contains(group);
    }

    /** Whether the raters of the unpublished groups reach k together and so are pooled into OTHERS. */
    public boolean isPoolPublished() {
        return poolPublished;
    }

    /** Whether a rater of this group counts in OTHERS (published non-self raters). */
    public boolean isInOthers(RaterGroup group) {
        return group != RaterGroup.SELF && (published.contains(group) || poolPublished);
    }

    /** Whether the comments of this source are shown. */
    public boolean isPublished(CommentSource source) {
        return source == CommentSource.OTHERS ? poolPublished : published.contains(RaterGroup.valueOf(source.name()));
    }

    /**
     * The figure a group shows for one value (a dimension or an item).
     *
     * @param raw the statistics over the group's ratings, or null when there are none
     */
    public Figure groupFigure(RaterGroup group, Score raw) {
        if (isNamed(policy, group)) {
            return raw == null ? new Withheld(WithheldReason.NOT_ANSWERED, "no rating given") : raw;
        }
        if (!published.contains(group)) {
            return Withheld.groupBelowThreshold(policy.k());
        }
        if (raw == null || raw.n() < policy.k()) {
            return Withheld.tooFewAnswers(policy.k());
        }
        return raw;
    }

    /**
     * The OTHERS figure for one value. Besides needing k ratings itself, it is withheld when the
     * ratings behind it that are not visible in a published group figure number between 1 and k − 1:
     * OTHERS minus the published figures would give those few away.
     *
     * @param raw          statistics over the OTHERS raters' ratings, or null when there are none
     * @param countByGroup how many of those ratings each group contributed
     * @param groupFigures what each group shows for the same value
     */
    public Figure othersFigure(Score raw, Map<RaterGroup, Integer> countByGroup, Map<RaterGroup, Figure> groupFigures) {
        if (raw == null || raw.n() < policy.k()) {
            return Withheld.tooFewAnswers(policy.k());
        }
        int hidden = 0;
        for (var entry : countByGroup.entrySet()) {
            Figure shown = groupFigures.get(entry.getKey());
            if (!(shown instanceof Score)) {
                hidden += entry.getValue();
            }
        }
        if (hidden > 0 && hidden < policy.k()) {
            return new Withheld(WithheldReason.COMPLEMENTARY_DISCLOSURE,
                    "would reveal fewer than " + policy.k() + " ratings by subtraction");
        }
        return raw;
    }
}
