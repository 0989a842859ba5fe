package org.feedback360.scoring.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether item figures may stand beside a dimension figure of the same raters. A dimension mean
 * averages rater means, an item mean averages answers, so the two only agree for raters who
 * answered all m items of the dimension. With S_i the item sums and D the sum of rater scores,
 * Σ S_i / m − D = Σ_r Σ_{i∈P_r} x_ri (1/m − [r counted]/|P_r|): zero for those complete raters,
 * the answers of the raters who skipped some items otherwise. Any weights c_i on the item sums
 * instead of 1/m cancel some other class of raters (those who answered the same number of
 * items), so a reader can isolate every class but one.
 *
 * <p>Item figures are shown only when every such combination involves none or at least k raters:
 * when nobody skipped an item, or when at least k answered every item and at least k skipped some
 * and no class the combinations can single out numbers between 1 and k − 1. OTHERS adds a
 * twist: it holds several constituents (the pool, groups whose own item figures are withheld)
 * whose dimension sums a reader may scale separately when their dimension figures are shown,
 * so each is a {@link Block} with its own multiplier. See scoring-service/README.md,
 * "Beyond SCORING.md".
 */
final class PartialAnswers {

    private PartialAnswers() {
    }

    /**
     * How the raters of one constituent answered one dimension (raters who answered none of its
     * items are not counted: they are in no figure of it).
     *
     * @param complete    answered every item
     * @param countedBy   answered at least ceil(m/2) but not all: by number of items answered
     * @param uncounted   answered fewer than ceil(m/2), so left out of the dimension score but in the item figures
     */
    record Tally(int complete, Map<Integer, Integer> countedBy, int uncounted) {

        static final Tally NONE = new Tally(0, Map.of(), 0);

        Tally {
            countedBy = Map.copyOf(countedBy);
        }

        static Tally of(Dimension dimension, Collection<RaterSubmission> raters) {
            int complete = 0;
            int uncounted = 0;
            Map<Integer, Integer> countedBy = new TreeMap<>();
            int m = dimension.items().size();
            for (RaterSubmission rater : raters) {
                int answered = answered(dimension, rater);
                if (answered == m) {
                    complete++;
                } else if (answered >= dimension.minimumAnswered() && answered > 0) {
                    countedBy.merge(answered, 1, Integer::sum);
                } else if (answered > 0) {
                    uncounted++;
                }
            }
            return new Tally(complete, countedBy, uncounted);
        }

        Tally plus(Tally other) {
            Map<Integer, Integer> merged = new TreeMap<>(countedBy);
            other.countedBy.forEach((p, n) -> merged.merge(p, n, Integer::sum));
            return new Tally(complete + other.complete, merged, uncounted + other.uncounted);
        }

        int partial() {
            return countedBy.values().stream().mapToInt(Integer::intValue).sum() + uncounted;
        }

        /** Raters in the dimension score. */
        int counted() {
            return complete + countedBy.values().stream().mapToInt(Integer::intValue).sum();
        }

        int total() {
            return complete + partial();
        }
    }

    /**
     * Whether the rater answered some but not all of the dimension's items. When no rater of a
     * figure did, no tally of them has a partial rater and every item figure beside the dimension
     * figure is safe: the common case, decided without the tallies.
     */
    static boolean isPartial(Dimension dimension, RaterSubmission rater) {
        int answered = answered(dimension, rater);
        return answered > 0 && answered < dimension.items().size();
    }

    /** How many of the dimension's items the rater answered. */
    private static int answered(Dimension dimension, RaterSubmission rater) {
        int answered = 0;
        for (Item item : dimension.items()) {
            if (rater.answer(item.id()) != null) {
                answered++;
            }
        }
        return answered;
    }

    /**
     * One constituent of a figure whose raters are not visible on their own.
     *
     * @param ownMultiplier whether a reader can scale this constituent's dimension sum on its own
     *                      (its dimension figure is shown); else it moves with the figure's
     */
    record Block(Tally tally, boolean ownMultiplier) {
    }

    /** Whether the item figures beside the dimension figure of these raters give no fewer than k of them away. */
    static boolean itemsSafe(int k, List<Block> blocks) {
        Tally all = blocks.stream().map(Block::tally).reduce(Tally.NONE, Tally::plus);
        if (all.partial() == 0) {
            return true;
        }
        // Weights that differ between items leave every complete rater in the combination.
        if (all.complete() < k) {
            return false;
        }
        // Equal weights γ on every item: each block's multiplier cancels one class of its raters,
        // or (γ = 0) all of the block or none of its counted raters.
        boolean[] equalWeights = {true};
        boolean[] zeroWeights = {true};
        for (Block block : blocks) {
            Tally t = block.tally();
            equalWeights = add(equalWeights, block.ownMultiplier() ? exposures(t) : new int[] {t.total()});
            zeroWeights = add(zeroWeights, block.ownMultiplier() ? new int[] {0, t.counted()} : new int[] {0});
        }
        return noneBetween(equalWeights, 1, k - 1) && noneBetween(zeroWeights, 1, k - 1);
    }

    /** How many of the block's raters stay in a combination when its multiplier cancels one class, or none. */
    private static int[] exposures(Tally t) {
        int[] options = new int[t.countedBy().size() + 2];
        int i = 0;
        options[i++] = t.total() - t.complete();
        for (int n : t.countedBy().values()) {
            options[i++] = t.total() - n;
        }
        options[i] = t.total();
        return options;
    }

    /** The sums reachable by adding one of the options to a sum reachable so far. */
    private static boolean[] add(boolean[] reachable, int[] options) {
        int max = 0;
        for (int o : options) {
            max = Math.max(max, o);
        }
        boolean[] next = new boolean[reachable.length + max];
        for (int s = 0; s < reachable.length; s++) {
            if (reachable[s]) {
                for (int o : options) {
                    next[s + o] = true;
                }
            }
        }
        return next;
    }

    private static boolean noneBetween(boolean[] reachable, int from, int to) {
        for (int s = from; s <= to && s < reachable.length; s++) {
            if (reachable[s]) {
                return false;
            }
        }
        return true;
    }
}
