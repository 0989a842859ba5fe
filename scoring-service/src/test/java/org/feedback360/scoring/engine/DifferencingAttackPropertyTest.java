package org.feedback360.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Attacks on random published reports by differencing, as a reader who knows the whole report
 * would try them, and who even knows which rater skipped which item (more than a report tells):
 * <ul>
 *   <li>the residual attack: per anonymous unit (a published group, OTHERS, and OTHERS less the
 *       groups shown in full), Σ_i itemMean_i·n_i / m − dimensionMean·n is what the raters who
 *       skipped some items answered;</li>
 *   <li>every linear combination of the published means and counts: a combination that involves
 *       between 1 and k − 1 raters reveals something about them alone. It exists for a set E of
 *       raters exactly when dropping E's answers lowers the rank of the published figures' matrix.</li>
 * </ul>
 * Neither may succeed on a published report; both must succeed on some of the raw reports (item
 * figures beside partial answers), or these attacks would prove nothing.
 */
class DifferencingAttackPropertyTest {

    static final int CASES = 300;
    static final RaterGroup[] ANONYMOUS_CANDIDATES = {RaterGroup.MANAGER, RaterGroup.DIRECT_REPORT, RaterGroup.PEER,
            RaterGroup.OTHER};

    @Test
    void noDifferencingAttackSucceedsOnAPublishedReport() {
        int residualTried = 0;
        int rawResidualLeaks = 0;
        int rawLinearLeaks = 0;
        for (int c = 0; c < CASES; c++) {
            Case cycle = Case.random(new Random(7_000 + c));
            SubjectReport published = cycle.calculator().calculate("s-" + c, cycle.submissions);
            SubjectReport raw = cycle.calculator().withoutPartialAnswersRule().calculate("s-" + c, cycle.submissions);

            Attack onPublished = new Attack(cycle, published);
            residualTried += onPublished.residualAttacks();
            if (!onPublished.residualLeaks.isEmpty()) {
                fail("case " + c + " " + cycle + ": the residual attack recovers answers: " + onPublished.residualLeaks);
            }
            List<String> linear = onPublished.linearLeaks();
            if (!linear.isEmpty()) {
                fail("case " + c + " " + cycle + ": a combination of published figures involves fewer than k raters: "
                        + linear);
            }
            Attack onRaw = new Attack(cycle, raw);
            onRaw.residualAttacks();
            rawResidualLeaks += onRaw.residualLeaks.isEmpty() ? 0 : 1;
            rawLinearLeaks += onRaw.linearLeaks().isEmpty() ? 0 : 1;
        }
        assertTrue(residualTried > CASES / 2, "the residual attack ran on published units: " + residualTried);
        assertTrue(rawResidualLeaks > CASES / 10, "the residual attack breaks raw reports: " + rawResidualLeaks);
        assertTrue(rawLinearLeaks >= rawResidualLeaks, "the linear attack finds at least those: " + rawLinearLeaks);
    }

    /** A random instrument, policy and set of submissions, some raters skipping items. */
    record Case(InstrumentModel instrument, ScoringPolicy policy, List<RaterSubmission> submissions) {

        static Case random(Random random) {
            List<Dimension> dimensions = new ArrayList<>();
            int dimensionCount = 1 + random.nextInt(2);
            for (int d = 0; d < dimensionCount; d++) {
                List<Item> items = new ArrayList<>();
                int m = 1 + random.nextInt(4);
                for (int i = 0; i < m; i++) {
                    String id = "d" + d + "i" + i;
                    items.add(random.nextInt(4) == 0 ? Item.reversed(id) : Item.of(id));
                }
                dimensions.add(new Dimension("D" + d, items));
            }
            InstrumentModel instrument = new InstrumentModel(dimensions, 5);
            ScoringPolicy policy = ScoringPolicy.DEFAULT.withK(2 + random.nextInt(3))
                    .withManagerAnonymous(random.nextInt(3) == 0);
            List<RaterSubmission> submissions = new ArrayList<>();
            double skip = new double[] {0.1, 0.25, 0.45}[random.nextInt(3)];
            if (random.nextBoolean()) {
                submissions.add(submission(random, instrument, "self", RaterGroup.SELF, skip));
            }
            int[] sizes = {random.nextInt(2), random.nextInt(7), random.nextInt(5), random.nextInt(3)};
            for (int g = 0; g < ANONYMOUS_CANDIDATES.length; g++) {
                for (int r = 0; r < sizes[g]; r++) {
                    submissions.add(submission(random, instrument, ANONYMOUS_CANDIDATES[g] + "-" + r,
                            ANONYMOUS_CANDIDATES[g], skip));
                }
            }
            return new Case(instrument, policy, submissions);
        }

        /** Each item skipped with the given chance; at least one item answered (the feedback service's rule). */
        private static RaterSubmission submission(Random random, InstrumentModel instrument, String key, RaterGroup group,
                                                  double skip) {
            Map<String, Integer> answers = new HashMap<>();
            List<Item> items = instrument.items();
            for (Item item : items) {
                answers.put(item.id(), random.nextDouble() < skip ? null : 1 + random.nextInt(5));
            }
            answers.put(items.get(random.nextInt(items.size())).id(), 1 + random.nextInt(5));
            return new RaterSubmission(key, group, answers);
        }

        ReportCalculator calculator() {
            return new ReportCalculator(instrument, policy);
        }

        boolean named(RaterGroup group) {
            return group == RaterGroup.SELF || group == RaterGroup.MANAGER && !policy.managerAnonymous();
        }

        @Override
        public String toString() {
            return "k=" + policy.k() + " managerAnonymous=" + policy.managerAnonymous() + " "
                    + instrument.dimensions() + " " + submissions;
        }
    }

    /** The attacks on one report of one case. */
    static final class Attack {
        final Case cycle;
        final SubjectReport report;
        final List<String> residualLeaks = new ArrayList<>();
        final int k;

        Attack(Case cycle, SubjectReport report) {
            this.cycle = cycle;
            this.report = report;
            this.k = cycle.policy().k();
        }

        /** The anonymous units whose figures a reader sees: each published anonymous group, and OTHERS (null). */
        List<RaterGroup> units() {
            List<RaterGroup> units = new ArrayList<>();
            for (RaterGroup group : report.publishedGroups()) {
                if (!cycle.named(group)) {
                    units.add(group);
                }
            }
            units.add(null);
            return units;
        }

        /** The anonymous raters behind a unit's figures (named raters' values are known: constants). */
        List<RaterSubmission> raters(RaterGroup unit) {
            return cycle.submissions().stream().filter(s -> !cycle.named(s.group())).filter(s -> unit == null
                    ? report.publishedGroups().contains(s.group()) || report.othersIncludesPooledGroups()
                    : s.group() == unit).toList();
        }

        Figure dimensionFigure(DimensionResult d, RaterGroup unit) {
            return unit == null ? d.others() : d.groups().get(unit);
        }

        Figure itemFigure(ItemResult item, RaterGroup unit) {
            return unit == null ? item.others() : item.groups().get(unit);
        }

        // --- The residual attack ---

        /** Runs it wherever the figures allow; returns how many units it ran on. */
        int residualAttacks() {
            int tried = 0;
            for (Dimension dimension : cycle.instrument().dimensions()) {
                DimensionResult d = report.dimension(dimension.id());
                Map<RaterGroup, Double> residuals = new LinkedHashMap<>();
                for (RaterGroup unit : units()) {
                    Double residual = residual(dimension, d, unit);
                    if (residual != null) {
                        tried++;
                        residuals.put(unit, residual);
                        check(dimension, raters(unit), residual, unit == null ? "OTHERS" : unit.name());
                    }
                }
                // OTHERS less every group whose own residual is known.
                if (residuals.containsKey(null)) {
                    double rest = residuals.get(null);
                    List<RaterSubmission> remainder = new ArrayList<>(raters(null));
                    for (var e : residuals.entrySet()) {
                        if (e.getKey() != null) {
                            rest -= e.getValue();
                            remainder.removeIf(r -> r.group() == e.getKey());
                        }
                    }
                    check(dimension, remainder, rest, "OTHERS less the groups shown in full");
                }
            }
            return tried;
        }

        /**
         * Σ_i S_i / m − D over the unit's anonymous raters from the published figures (a named
         * manager's known answers taken out of OTHERS), or null where a figure it needs is withheld.
         */
        Double residual(Dimension dimension, DimensionResult d, RaterGroup unit) {
            if (!(dimensionFigure(d, unit) instanceof Score dimensionScore)) {
                return null;
            }
            List<RaterSubmission> named = unit == null ? namedRaters() : List.of();
            double itemSums = 0;
            for (Item item : dimension.items()) {
                Figure figure = itemFigure(report.item(item.id()), unit);
                if (figure instanceof Score s) {
                    itemSums += s.mean() * s.n();
                    for (RaterSubmission r : named) {
                        Integer scored = RaterScores.item(cycle.instrument(), item, r);
                        itemSums -= scored == null ? 0 : scored;
                    }
                } else if (raters(unit).stream().anyMatch(r -> r.answer(item.id()) != null)) {
                    return null;
                }
            }
            double dimensionSum = dimensionScore.mean() * dimensionScore.n();
            for (RaterSubmission r : named) {
                var score = RaterScores.dimension(cycle.instrument(), dimension, r);
                dimensionSum -= score.isPresent() ? score.getAsDouble() : 0;
            }
            return itemSums / dimension.items().size() - dimensionSum;
        }

        /** Raters shown by name and counted in OTHERS (the visible manager): their values are known. */
        List<RaterSubmission> namedRaters() {
            return cycle.submissions().stream().filter(s -> s.group() != RaterGroup.SELF && cycle.named(s.group())).toList();
        }

        /** What a rater adds to the residual: Σ_{i∈P_r} x_ri (1/m − [counted]/|P_r|); 0 for a complete rater. */
        double truth(Dimension dimension, RaterSubmission rater) {
            int m = dimension.items().size();
            List<Integer> answers = new ArrayList<>();
            for (Item item : dimension.items()) {
                Integer scored = RaterScores.item(cycle.instrument(), item, rater);
                if (scored != null) {
                    answers.add(scored);
                }
            }
            boolean counted = !answers.isEmpty() && answers.size() >= dimension.minimumAnswered();
            double sum = answers.stream().mapToInt(Integer::intValue).sum();
            return sum / m - (counted ? sum / answers.size() : 0);
        }

        void check(Dimension dimension, List<RaterSubmission> raters, double residual, String unit) {
            double expected = raters.stream().mapToDouble(r -> truth(dimension, r)).sum();
            assertEquals(expected, residual, 1e-6, "the attack computes what it claims, " + unit + " " + dimension.id());
            long partial = raters.stream().filter(r -> partial(dimension, r)).count();
            if (partial >= 1 && partial < k) {
                residualLeaks.add(dimension.id() + " " + unit + ": " + partial + " raters' skipped answers, residual "
                        + residual);
            }
        }

        boolean partial(Dimension dimension, RaterSubmission rater) {
            long answered = dimension.items().stream().filter(i -> rater.answer(i.id()) != null).count();
            return answered > 0 && answered < dimension.items().size();
        }

        // --- Every linear combination ---

        List<String> linearLeaks() {
            List<String> leaks = new ArrayList<>();
            for (Dimension dimension : cycle.instrument().dimensions()) {
                leaks.addAll(linearLeaks(dimension));
            }
            return leaks;
        }

        /**
         * Rows: the sums behind every published figure of an anonymous unit (mean × n), as
         * coefficients on the anonymous raters' answers. A set E of raters is exposed when some
         * combination of rows involves E's answers only: when rank drops without E's columns.
         */
        List<String> linearLeaks(Dimension dimension) {
            DimensionResult d = report.dimension(dimension.id());
            List<String> columns = new ArrayList<>();
            Map<String, List<Integer>> columnsOf = new LinkedHashMap<>();
            for (RaterSubmission r : anonymousInUnits()) {
                for (Item item : dimension.items()) {
                    if (r.answer(item.id()) != null) {
                        columnsOf.computeIfAbsent(r.raterKey(), key -> new ArrayList<>()).add(columns.size());
                        columns.add(r.raterKey() + "/" + item.id());
                    }
                }
            }
            List<long[]> rows = new ArrayList<>();
            for (RaterGroup unit : units()) {
                List<RaterSubmission> raters = raters(unit);
                if (dimensionFigure(d, unit) instanceof Score) {
                    long[] row = new long[columns.size()];
                    for (RaterSubmission r : raters) {
                        List<Integer> own = columnsOf.getOrDefault(r.raterKey(), List.of());
                        if (!own.isEmpty() && own.size() >= dimension.minimumAnswered()) {
                            own.forEach(col -> row[col] = Modular.inverse(own.size()));
                        }
                    }
                    rows.add(row);
                }
                for (Item item : dimension.items()) {
                    if (itemFigure(report.item(item.id()), unit) instanceof Score) {
                        long[] row = new long[columns.size()];
                        for (int col = 0; col < columns.size(); col++) {
                            String column = columns.get(col);
                            String key = column.substring(0, column.lastIndexOf('/'));
                            if (column.endsWith("/" + item.id()) && raters.stream().anyMatch(r -> r.raterKey().equals(key))) {
                                row[col] = 1;
                            }
                        }
                        rows.add(row);
                    }
                }
            }
            List<String> leaks = new ArrayList<>();
            if (rows.isEmpty()) {
                return leaks;
            }
            int rank = Modular.rank(rows, new boolean[columns.size()]);
            List<String> keys = new ArrayList<>(columnsOf.keySet());
            subsets(keys.size(), Math.min(k - 1, keys.size()), subset -> {
                boolean[] dropped = new boolean[columns.size()];
                List<String> exposed = new ArrayList<>();
                for (int index : subset) {
                    exposed.add(keys.get(index));
                    columnsOf.get(keys.get(index)).forEach(col -> dropped[col] = true);
                }
                if (Modular.rank(rows, dropped) < rank) {
                    leaks.add(dimension.id() + ": figures combine to the answers of " + exposed + " alone");
                }
            });
            return leaks;
        }

        List<RaterSubmission> anonymousInUnits() {
            List<RaterSubmission> all = new ArrayList<>();
            for (RaterGroup unit : units()) {
                for (RaterSubmission r : raters(unit)) {
                    if (!all.contains(r)) {
                        all.add(r);
                    }
                }
            }
            return all;
        }

        /** Calls back with every subset of {0..n-1} of size 1..max. */
        static void subsets(int n, int max, java.util.function.Consumer<int[]> each) {
            for (int size = 1; size <= max; size++) {
                int[] subset = new int[size];
                for (int i = 0; i < size; i++) {
                    subset[i] = i;
                }
                while (true) {
                    each.accept(subset.clone());
                    int i = size - 1;
                    while (i >= 0 && subset[i] == n - size + i) {
                        i--;
                    }
                    if (i < 0) {
                        break;
                    }
                    subset[i]++;
                    for (int j = i + 1; j < size; j++) {
                        subset[j] = subset[j - 1] + 1;
                    }
                }
            }
        }
    }

    /**
     * Exact rank over the integers modulo the Mersenne prime 2^61 − 1: the coefficients are
     * fractions 1/p with small p, and a rank over this field equals the rank over the rationals
     * unless the prime divides a minor (for these small matrices, a chance below 1e-15).
     */
    static final class Modular {
        static final long P = (1L << 61) - 1;

        static long reduce(long hi, long lo) {
            long r = ((hi << 3) | (lo >>> 61)) + (lo & P);
            while (r >= P) {
                r -= P;
            }
            return r;
        }

        static long mul(long a, long b) {
            return reduce(Math.multiplyHigh(a, b), a * b);
        }

        static long sub(long a, long b) {
            long r = a - b;
            return r < 0 ? r + P : r;
        }

        static long pow(long a, long e) {
            long result = 1;
            while (e > 0) {
                if ((e & 1) == 1) {
                    result = mul(result, a);
                }
                a = mul(a, a);
                e >>= 1;
            }
            return result;
        }

        static long inverse(long a) {
            return pow(a, P - 2);
        }

        /** The rank of the rows restricted to the columns not dropped. */
        static int rank(List<long[]> rows, boolean[] dropped) {
            List<long[]> m = new ArrayList<>();
            for (long[] row : rows) {
                long[] copy = new long[row.length];
                for (int c = 0; c < row.length; c++) {
                    copy[c] = dropped[c] ? 0 : row[c];
                }
                m.add(copy);
            }
            int rank = 0;
            int width = dropped.length;
            for (int col = 0; col < width && rank < m.size(); col++) {
                int pivot = -1;
                for (int r = rank; r < m.size(); r++) {
                    if (m.get(r)[col] != 0) {
                        pivot = r;
                        break;
                    }
                }
                if (pivot < 0) {
                    continue;
                }
                long[] p = m.get(pivot);
                m.set(pivot, m.get(rank));
                m.set(rank, p);
                long inv = inverse(p[col]);
                for (int r = rank + 1; r < m.size(); r++) {
                    long[] row = m.get(r);
                    if (row[col] != 0) {
                        long factor = mul(row[col], inv);
                        for (int c = col; c < width; c++) {
                            row[c] = sub(row[c], mul(factor, p[c]));
                        }
                    }
                }
                rank++;
            }
            return rank;
        }
    }
}
