package org.feedback360.e2e;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * SCORING.md computed again, independently of scoring-service and as plainly as possible, from
 * the answers the test itself submitted: the figures a report must show. It covers what the
 * journeys need — group and OTHERS dimension scores with n and sd, item means, gaps and the
 * alignment index — for groups that are published because they reach k (or are named).
 */
public final class ExpectedScores {

    public enum Group { SELF, MANAGER, DIRECT_REPORT, PEER, OTHER }

    /** Mean, n and sample sd (null below two values). */
    public record Stat(double mean, int n, Double sd) {
        static Stat of(List<Double> values) {
            if (values.isEmpty()) {
                return null;
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
            Double sd = null;
            if (values.size() > 1) {
                double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
                sd = Math.sqrt(ss / (values.size() - 1));
            }
            return new Stat(mean, values.size(), sd);
        }
    }

    private final Instrument instrument;
    private final int k;
    private final List<Review.Acknowledged> submissions;

    public ExpectedScores(Instrument instrument, int k, List<Review.Acknowledged> submissionsAboutOneSubject) {
        this.instrument = instrument;
        this.k = k;
        this.submissions = submissionsAboutOneSubject;
    }

    private static Group group(Review.Acknowledged s) {
        return Group.valueOf(s.assignment().group());
    }

    /** Groups shown as themselves: SELF, the named MANAGER, and every group with at least k raters. */
    public boolean published(Group g) {
        long raters = submissions.stream().filter(s -> group(s) == g).count();
        return raters > 0 && (g == Group.SELF || g == Group.MANAGER || raters >= k);
    }

    /** A rater's dimension score: the mean of answered items (reversed where flagged), if ≥ ceil(m/2) answered. */
    public OptionalDouble raterScore(Review.Acknowledged s, Instrument.Dimension d) {
        List<Integer> scored = new ArrayList<>();
        for (Instrument.Item item : d.items()) {
            Integer a = s.answers().get(item.id());
            if (a != null) {
                scored.add(instrument.scored(item, a));
            }
        }
        int needed = (d.items().size() + 1) / 2;
        if (scored.isEmpty() || scored.size() < needed) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(scored.stream().mapToInt(Integer::intValue).sum() / (double) scored.size());
    }

    public Map<Group, Stat> groupScores(Instrument.Dimension d) {
        Map<Group, List<Double>> values = new EnumMap<>(Group.class);
        for (Review.Acknowledged s : submissions) {
            raterScore(s, d).ifPresent(v -> values.computeIfAbsent(group(s), g -> new ArrayList<>()).add(v));
        }
        Map<Group, Stat> result = new EnumMap<>(Group.class);
        values.forEach((g, v) -> result.put(g, Stat.of(v)));
        return result;
    }

    /** OTHERS: every published non-self rater, once. */
    public Stat others(Instrument.Dimension d) {
        List<Double> values = new ArrayList<>();
        for (Review.Acknowledged s : submissions) {
            if (group(s) != Group.SELF && published(group(s))) {
                raterScore(s, d).ifPresent(values::add);
            }
        }
        return Stat.of(values);
    }

    /**
     * Raters counted in OTHERS, the named manager aside, who answered some but not all of the
     * dimension's items.
     */
    public long othersSkippers(Instrument.Dimension d) {
        return submissions.stream().filter(s -> group(s) != Group.SELF && group(s) != Group.MANAGER && published(group(s)))
                .filter(s -> {
                    long answered = d.items().stream().filter(i -> s.answers().get(i.id()) != null).count();
                    return answered > 0 && answered < d.items().size();
                }).count();
    }

    /** OTHERS' mean of one item, as scored. */
    public Stat othersItem(Instrument.Item item) {
        List<Double> values = new ArrayList<>();
        for (Review.Acknowledged s : submissions) {
            Integer a = s.answers().get(item.id());
            if (group(s) != Group.SELF && published(group(s)) && a != null) {
                values.add((double) instrument.scored(item, a));
            }
        }
        return Stat.of(values);
    }

    /**
     * Self minus the followers' view per dimension, where both exist. The view is the direct
     * reports when they are published, else OTHERS (SCORING.md: "alignment falls back to OTHERS").
     */
    public Map<String, Double> gaps() {
        Map<String, Double> gaps = new LinkedHashMap<>();
        for (Instrument.Dimension d : instrument.dimensions()) {
            Double view = basisScores().get(d.key());
            if (view != null) {
                gaps.put(d.key(), groupScores(d).get(Group.SELF).mean() - view);
            }
        }
        return gaps;
    }

    /** AI = 1 − Σ|gap| / (D × (A − 1)). */
    public double alignmentIndex() {
        Map<String, Double> gaps = gaps();
        double sum = gaps.values().stream().mapToDouble(Math::abs).sum();
        return 1 - sum / (gaps.size() * (double) (instrument.scaleMax() - 1));
    }

    /**
     * The followers' view F_d per dimension where there is a self score too: the direct reports
     * when published, else OTHERS (the alignment's basis).
     */
    public Map<String, Double> basisScores() {
        boolean followersPublished = published(Group.DIRECT_REPORT);
        Map<String, Double> basis = new LinkedHashMap<>();
        for (Instrument.Dimension d : instrument.dimensions()) {
            Stat self = groupScores(d).get(Group.SELF);
            Stat view = followersPublished ? groupScores(d).get(Group.DIRECT_REPORT) : others(d);
            if (self != null && view != null && view.n() >= k) {
                basis.put(d.key(), view.mean());
            }
        }
        return basis;
    }

    /** SCORING.md's agreement category with the default δ = 0.5 and good-agreement threshold 3.5. */
    public String category() {
        Map<String, Double> basis = basisScores();
        double self = 0;
        for (Instrument.Dimension d : instrument.dimensions()) {
            if (basis.containsKey(d.key())) {
                self += groupScores(d).get(Group.SELF).mean();
            }
        }
        double selfMean = self / basis.size();
        double basisMean = basis.values().stream().mapToDouble(Double::doubleValue).sum() / basis.size();
        if (selfMean - basisMean > 0.5) {
            return "OVER_ESTIMATOR";
        }
        if (selfMean - basisMean < -0.5) {
            return "UNDER_ESTIMATOR";
        }
        return basisMean >= 3.5 ? "IN_AGREEMENT_GOOD" : "IN_AGREEMENT_POOR";
    }

    public int k() {
        return k;
    }
}
