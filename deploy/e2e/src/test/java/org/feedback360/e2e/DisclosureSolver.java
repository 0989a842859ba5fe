package org.feedback360.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an attacker can compute from one published report, decided with the submissions the
 * test itself made. Every published mean is a linear equation in the raters' answers
 * (mean × n = the sum of the values behind it: answers for an item, each rater's mean of their
 * answered items for a dimension). A set of raters is singled out when some combination of
 * those equations involves nobody else's answers — then the published figures tell something
 * about fewer than k people, the very thing anonymity rule 3 forbids. The classic case is the
 * differencing attack on a rater who left items out: Σ_i itemMean_i·n_i/m − dimMean·n_dim is
 * zero when everyone answered every item, and otherwise a multiple of the skippers' own sums.
 *
 * <p>SELF and the named MANAGER are shown as themselves by design: their answers count as known.
 * Standard deviations are not used (they are not linear); neither are the bounds 1..5.
 */
final class DisclosureSolver {

    /** Two large primes: a rank over GF(p) equals the rational rank unless p divides every minor, so the larger of two is exact in practice. */
    private static final long[] PRIMES = {1_000_000_007L, 998_244_353L};
    private static final double TOLERANCE = 1e-9;

    record Result(int equations, int setsTried, List<String> leaks, List<String> modelErrors) {
    }

    private record Rater(String label, String group, Map<String, Integer> scored) {
    }

    private final Instrument instrument;
    private final int k;
    private final List<Rater> raters = new ArrayList<>();
    /** Column of each (anonymous rater, answered item). */
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<long[]> rows = new ArrayList<>();
    private final List<String> modelErrors = new ArrayList<>();
    /** What the explicit differencing formula recovers, unit by unit. */
    private final List<String> differencing = new ArrayList<>();

    private DisclosureSolver(Instrument instrument, int k, List<Review.Acknowledged> submissions) {
        this.instrument = instrument;
        this.k = k;
        for (Review.Acknowledged s : submissions) {
            Map<String, Integer> scored = new LinkedHashMap<>();
            for (Instrument.Item item : instrument.items()) {
                Integer answer = s.answers().get(item.id());
                if (answer != null) {
                    scored.put(item.id(), instrument.scored(item, answer));
                }
            }
            Rater r = new Rater(s.assignment().raterLabel(), s.assignment().group(), scored);
            raters.add(r);
            if (!known(r)) {
                scored.keySet().forEach(item -> columns.put(column(r, item), columns.size()));
            }
        }
    }

    /**
     * @param report the engine's report ({@code report} of the API's document)
     */
    static Result solve(Instrument instrument, int k, List<Review.Acknowledged> submissionsAboutOneSubject, JsonNode report) {
        DisclosureSolver solver = new DisclosureSolver(instrument, k, submissionsAboutOneSubject);
        solver.readEquations(report);
        return solver.singledOut();
    }

    private static boolean known(Rater r) {
        return r.group().equals("SELF") || r.group().equals("MANAGER");
    }

    private static String column(Rater r, String item) {
        return r.label() + "/" + item;
    }

    /** One equation per published mean of a group or of OTHERS, for every dimension and item. */
    private void readEquations(JsonNode report) {
        Set<String> published = new java.util.HashSet<>();
        report.path("publishedGroups").forEach(g -> published.add(g.asText()));
        boolean pooled = report.path("othersIncludesPooledGroups").asBoolean();
        for (JsonNode d : report.path("dimensions")) {
            Instrument.Dimension dimension = dimension(d.path("dimension").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = d.path("groups").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> g = it.next();
                dimensionEquation(dimension, g.getKey(), g.getValue(), raters.stream().filter(r -> r.group().equals(g.getKey())).toList());
            }
            dimensionEquation(dimension, "OTHERS", d.path("others"), others(published, pooled));
        }
        for (JsonNode d : report.path("dimensions")) {
            Instrument.Dimension dimension = dimension(d.path("dimension").asText());
            for (Iterator<String> it = d.path("groups").fieldNames(); it.hasNext(); ) {
                String group = it.next();
                difference(report, dimension, group, raters.stream().filter(r -> r.group().equals(group)).toList());
            }
            difference(report, dimension, "OTHERS", others(published, pooled));
        }
        for (JsonNode i : report.path("items")) {
            String item = i.path("item").asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = i.path("groups").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> g = it.next();
                itemEquation(item, g.getKey(), g.getValue(), raters.stream().filter(r -> r.group().equals(g.getKey())).toList());
            }
            itemEquation(item, "OTHERS", i.path("others"), others(published, pooled));
        }
    }

    /**
     * The differencing attack itself, where a unit's dimension figure and all its item figures of
     * that dimension are published: D = Σ_i mean_i·n_i/m − mean_d·n_d. Each rater adds
     * S_r/m − S_r/m_r to D (S_r the sum of their m_r answers of the dimension; the second term only
     * if they count in the dimension), so D is zero unless someone left items out — and if exactly
     * one anonymous rater did, D divided by their coefficient is their own sum.
     */
    private void difference(JsonNode report, Instrument.Dimension d, String unit, List<Rater> candidates) {
        JsonNode dimFigure = unit.equals("OTHERS") ? figure(report, d.key(), null) : figure(report, d.key(), unit);
        if (!isPublished(dimFigure)) {
            return;
        }
        int m = d.items().size();
        double published = -dimFigure.path("mean").asDouble() * dimFigure.path("n").asInt();
        for (Instrument.Item item : d.items()) {
            JsonNode f = itemFigure(report, item.id(), unit);
            if (!isPublished(f)) {
                return;
            }
            published += f.path("mean").asDouble() * f.path("n").asInt() / m;
        }
        List<String> skippers = new ArrayList<>();
        double coefficient = 0;
        double sum = 0;
        for (Rater r : candidates) {
            List<String> answered = d.items().stream().map(Instrument.Item::id).filter(r.scored()::containsKey).toList();
            boolean counted = !answered.isEmpty() && answered.size() >= (m + 1) / 2;
            double own = answered.stream().mapToInt(r.scored()::get).sum();
            if (known(r)) {
                published -= own / m - (counted ? own / answered.size() : 0); // shown by name anyway
            } else if (answered.size() < m && !answered.isEmpty()) {
                skippers.add(r.label());
                coefficient = 1.0 / m - (counted ? 1.0 / answered.size() : 0);
                sum = own;
            }
        }
        if (skippers.isEmpty() && Math.abs(published) > 1e-6 || skippers.size() == 1 && Math.abs(published / coefficient - sum) > 1e-6) {
            modelErrors.add(unit + "/" + d.key() + ": Σ item mean·n/m − dimension mean·n = " + published
                    + ", not what the submissions give");
        } else if (skippers.size() == 1) {
            differencing.add("[" + skippers.get(0) + "] " + unit + "/" + d.key() + ": Σ item mean·n/m − dimension mean·n = "
                    + published + " gives away the sum of their answers, " + sum);
        } else if (skippers.size() > 1 && skippers.size() < k && Math.abs(published) > 1e-6) {
            differencing.add(skippers + " " + unit + "/" + d.key() + ": Σ item mean·n/m − dimension mean·n = " + published
                    + " depends on these " + skippers.size() + " raters only");
        }
    }

    private static JsonNode figure(JsonNode report, String dimension, String group) {
        for (JsonNode d : report.path("dimensions")) {
            if (d.path("dimension").asText().equals(dimension)) {
                return group == null ? d.path("others") : d.path("groups").path(group);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode itemFigure(JsonNode report, String item, String unit) {
        for (JsonNode i : report.path("items")) {
            if (i.path("item").asText().equals(item)) {
                return unit.equals("OTHERS") ? i.path("others") : i.path("groups").path(unit);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** OTHERS: the non-self raters of published groups, and of the others when they are pooled. */
    private List<Rater> others(Set<String> published, boolean pooled) {
        return raters.stream().filter(r -> !r.group().equals("SELF") && (published.contains(r.group()) || pooled)).toList();
    }

    private Instrument.Dimension dimension(String key) {
        return instrument.dimensions().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("the report names an unknown dimension " + key));
    }

    private void dimensionEquation(Instrument.Dimension d, String unit, JsonNode figure, List<Rater> candidates) {
        if (!isPublished(figure)) {
            return;
        }
        int m = d.items().size();
        long scale = lcmUpTo(m);
        long[] row = new long[columns.size()];
        List<Double> scores = new ArrayList<>();
        for (Rater r : candidates) {
            List<String> answered = d.items().stream().map(Instrument.Item::id).filter(r.scored()::containsKey).toList();
            if (answered.isEmpty() || answered.size() < (m + 1) / 2) {
                continue; // SCORING.md: left out of the dimension
            }
            scores.add(answered.stream().mapToInt(r.scored()::get).sum() / (double) answered.size());
            if (!known(r)) {
                answered.forEach(item -> row[columns.get(column(r, item))] += scale / answered.size());
            }
        }
        checkModel(d.key() + "/" + unit, figure, scores);
        rows.add(row);
    }

    private void itemEquation(String item, String unit, JsonNode figure, List<Rater> candidates) {
        if (!isPublished(figure)) {
            return;
        }
        long[] row = new long[columns.size()];
        List<Double> values = new ArrayList<>();
        for (Rater r : candidates) {
            Integer v = r.scored().get(item);
            if (v != null) {
                values.add((double) v);
                if (!known(r)) {
                    row[columns.get(column(r, item))] = 1;
                }
            }
        }
        checkModel(item + "/" + unit, figure, values);
        rows.add(row);
    }

    private static boolean isPublished(JsonNode figure) {
        return figure.path("published").asBoolean() && figure.path("mean").isNumber();
    }

    /** The equation stands for this figure only if the figure is exactly the mean of these values. */
    private void checkModel(String what, JsonNode figure, List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (figure.path("n").asInt() != values.size() || Math.abs(figure.path("mean").asDouble() - mean) > TOLERANCE) {
            modelErrors.add(what + ": shown " + figure + ", but the submissions give n=" + values.size() + " mean=" + mean);
        }
    }

    /**
     * Every set of 1..k−1 anonymous raters whose answers alone some combination of the equations
     * determines: rank(all columns) > rank(without their columns).
     */
    private Result singledOut() {
        List<Rater> anonymous = raters.stream().filter(r -> !known(r)).toList();
        int full = rank(rows, Set.of());
        List<String> leaks = new ArrayList<>(differencing);
        List<List<Rater>> sets = subsets(anonymous, k - 1);
        List<List<Rater>> singledOut = new ArrayList<>();
        for (List<Rater> set : sets) {
            // Only the smallest sets: a superset of a singled-out set says nothing new.
            if (singledOut.stream().anyMatch(set::containsAll)) {
                continue;
            }
            Set<Integer> hidden = new java.util.HashSet<>();
            for (Rater r : set) {
                r.scored().keySet().forEach(item -> hidden.add(columns.get(column(r, item))));
            }
            if (rank(rows, hidden) < full) {
                singledOut.add(set);
                leaks.add(set.stream().map(Rater::label).toList() + ": the published figures determine a combination of "
                        + (set.size() == 1 ? "this one rater's answers" : "the answers of these " + set.size()
                        + " raters alone (fewer than k = " + k + ")"));
            }
        }
        return new Result(rows.size(), sets.size(), leaks, modelErrors);
    }

    /** All subsets of size 1..max, smallest first. */
    private static List<List<Rater>> subsets(List<Rater> all, int max) {
        List<List<Rater>> result = new ArrayList<>();
        for (int size = 1; size <= max; size++) {
            collect(all, size, 0, new ArrayList<>(), result);
        }
        return result;
    }

    private static void collect(List<Rater> all, int size, int from, List<Rater> current, List<List<Rater>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < all.size(); i++) {
            current.add(all.get(i));
            collect(all, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    /** The rank of the rows with the given columns left out, the larger over both primes. */
    private int rank(List<long[]> equations, Set<Integer> without) {
        int best = 0;
        for (long p : PRIMES) {
            long[][] a = new long[equations.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = equations.get(i).clone();
                for (int c : without) {
                    a[i][c] = 0;
                }
                for (int c = 0; c < a[i].length; c++) {
                    a[i][c] = Math.floorMod(a[i][c], p);
                }
            }
            best = Math.max(best, rankModP(a, p));
        }
        return best;
    }

    private static int rankModP(long[][] a, long p) {
        int rank = 0;
        int cols = a.length == 0 ? 0 : a[0].length;
        for (int c = 0; c < cols && rank < a.length; c++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (a[r][c] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] t = a[pivot];
            a[pivot] = a[rank];
            a[rank] = t;
            long inverse = power(a[rank][c], p - 2, p);
            for (int r = 0; r < a.length; r++) {
                if (r != rank && a[r][c] != 0) {
                    long f = a[r][c] * inverse % p;
                    for (int j = c; j < cols; j++) {
                        a[r][j] = Math.floorMod(a[r][j] - f * a[rank][j] % p, p);
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static long power(long base, long exp, long p) {
        long result = 1;
        base %= p;
        while (exp > 0) {
            if ((exp & 1) == 1) {
                result = result * base % p;
            }
            base = base * base % p;
            exp >>= 1;
        }
        return result;
    }

    private static long lcmUpTo(int m) {
        long l = 1;
        for (int i = 2; i <= m; i++) {
            l = l / java.math.BigInteger.valueOf(l).gcd(java.math.BigInteger.valueOf(i)).longValue() * i;
        }
        return l;
    }
}
