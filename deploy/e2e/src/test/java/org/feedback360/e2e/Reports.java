package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares what a report says with what the test computed itself, figure by figure. */
final class Reports {

    static final double TOLERANCE = 1e-9;

    private Reports() {
    }

    /**
     * @param report the API's report document: what it is about, and the engine's figures under {@code report}
     * @return how many figures differ (each difference is printed): group and OTHERS dimension
     *         scores with n and sd, the followers' gap, the OTHERS item means and the alignment index
     */
    static int compare(JsonPath report, ExpectedScores expected, Instrument instrument) {
        return compareFigures(report, expected, instrument).wrong();
    }

    /** How many figures were compared, and how many of them differ. */
    record Comparison(int checked, int wrong) {
    }

    static Comparison compareFigures(JsonPath report, ExpectedScores expected, Instrument instrument) {
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        Map<String, Map<?, ?>> dimensions = byKey(report, "dimensions", "dimension");
        Map<String, Map<?, ?>> items = byKey(report, "items", "item");
        for (Instrument.Dimension d : instrument.dimensions()) {
            Map<?, ?> shown = dimensions.get(d.key());
            if (shown == null) {
                wrong.add(d.key() + ": missing");
                continue;
            }
            Map<?, ?> groups = (Map<?, ?>) shown.get("groups");
            expected.groupScores(d).forEach((group, stat) -> {
                Map<?, ?> figure = (Map<?, ?>) groups.get(group.name());
                boolean shouldShow = expected.published(group) && (group == ExpectedScores.Group.SELF
                        || group == ExpectedScores.Group.MANAGER || stat.n() >= expected.k());
                check(wrong, d.key() + "/" + group, figure, shouldShow ? stat : null);
                checked[0]++;
            });
            check(wrong, d.key() + "/OTHERS", (Map<?, ?>) shown.get("others"), expected.others(d));
            checked[0]++;
            Double gap = expected.gaps().get(d.key());
            Object shownGap = shown.get("gap");
            if (gap == null ? shownGap != null : !(shownGap instanceof Number n && close(n.doubleValue(), gap))) {
                wrong.add(d.key() + "/gap: expected " + gap + ", shown " + shownGap);
            }
        }
        for (Instrument.Dimension d : instrument.dimensions()) {
            // Item figures beside raters who skipped some of the dimension's items would give those
            // answers away (scoring-service README, PARTIAL_ANSWERS): 1..k−1 such raters in OTHERS
            // withhold its item figures; with k or more, the engine's finer rule decides, and a
            // figure shown must still be the right one.
            long skippers = expected.othersSkippers(d);
            for (Instrument.Item item : d.items()) {
                Map<?, ?> shown = items.get(item.id());
                Map<?, ?> figure = shown == null ? null : (Map<?, ?>) shown.get("others");
                ExpectedScores.Stat stat = expected.othersItem(item);
                ExpectedScores.Stat want = stat != null && stat.n() >= expected.k() ? new ExpectedScores.Stat(stat.mean(), stat.n(), null) : null;
                boolean mayWithhold = skippers >= expected.k() && figure != null && "PARTIAL_ANSWERS".equals(figure.get("reason"));
                if (want != null && skippers > 0 && skippers < expected.k()) {
                    if (figure == null || !"PARTIAL_ANSWERS".equals(figure.get("reason"))) {
                        wrong.add(item.id() + "/OTHERS: " + skippers + " rater(s) skipped items of " + d.key()
                                + ", so PARTIAL_ANSWERS, shown " + figure);
                    }
                } else if (!mayWithhold) {
                    check(wrong, item.id() + "/OTHERS", figure, want);
                }
                checked[0]++;
            }
        }
        if (!expected.gaps().isEmpty()) {
            Object index = ((Map<?, ?>) report.getMap("report").get("alignment")).get("index");
            if (!(index instanceof Number n && close(n.doubleValue(), expected.alignmentIndex()))) {
                wrong.add("alignment index: expected " + expected.alignmentIndex() + ", shown " + index);
            }
        }
        wrong.forEach(w -> System.out.println("report figure differs: " + w));
        return new Comparison(checked[0], wrong.size());
    }

    /**
     * Raters counted wrongly: per group (and OTHERS), |raters expected − n shown|, the largest over
     * the dimensions, summed. A lost submission counts 1, a submission counted twice counts 1.
     * Groups that must be withheld show no n and are left to {@link #compareFigures}.
     */
    static long ratersMiscounted(JsonPath report, ExpectedScores expected, Instrument instrument) {
        Map<String, Long> worst = new java.util.TreeMap<>();
        Map<String, Map<?, ?>> dimensions = byKey(report, "dimensions", "dimension");
        for (Instrument.Dimension d : instrument.dimensions()) {
            Map<?, ?> shown = dimensions.get(d.key());
            Map<?, ?> groups = shown == null ? Map.of() : (Map<?, ?>) shown.get("groups");
            expected.groupScores(d).forEach((group, stat) -> {
                if (expected.published(group)) {
                    worst.merge(group.name(), Math.abs(stat.n() - shownN(groups.get(group.name()))), Math::max);
                }
            });
            ExpectedScores.Stat others = expected.others(d);
            if (others != null) {
                worst.merge("OTHERS", Math.abs(others.n() - shownN(shown == null ? null : shown.get("others"))), Math::max);
            }
        }
        return worst.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The report's dimensions or items by their key. One read of the document: a GPath
     * {@code find} per figure costs tens of milliseconds, thousands of times per fault test.
     */
    private static Map<String, Map<?, ?>> byKey(JsonPath report, String list, String key) {
        Map<String, Map<?, ?>> result = new java.util.HashMap<>();
        for (Object entry : (List<?>) report.getMap("report").get(list)) {
            Map<?, ?> m = (Map<?, ?>) entry;
            result.put(String.valueOf(m.get(key)), m);
        }
        return result;
    }

    private static long shownN(Object figure) {
        return figure instanceof Map<?, ?> m && m.get("n") instanceof Number n ? n.longValue() : 0;
    }

    /** A published figure must equal the expected one; an expected null must be withheld (no number at all). */
    private static void check(List<String> wrong, String what, Map<?, ?> figure, ExpectedScores.Stat expected) {
        if (expected == null) {
            if (figure != null && (Boolean.TRUE.equals(figure.get("published")) || figure.containsKey("mean"))) {
                wrong.add(what + ": must be withheld, shown " + figure);
            }
            return;
        }
        if (figure == null || !Boolean.TRUE.equals(figure.get("published"))) {
            wrong.add(what + ": expected " + expected + ", shown " + figure);
            return;
        }
        boolean same = close(((Number) figure.get("mean")).doubleValue(), expected.mean())
                && ((Number) figure.get("n")).intValue() == expected.n()
                && (expected.sd() == null || figure.get("sd") instanceof Number sd && close(sd.doubleValue(), expected.sd()));
        if (!same) {
            wrong.add(what + ": expected " + expected + ", shown " + figure);
        }
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE;
    }
}
