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
        List<String> wrong = new ArrayList<>();
        for (Instrument.Dimension d : instrument.dimensions()) {
            Map<String, Object> shown = report.getMap("report.dimensions.find { it.dimension == '" + d.key() + "' }");
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
            });
            check(wrong, d.key() + "/OTHERS", (Map<?, ?>) shown.get("others"), expected.others(d));
            Double gap = expected.gaps().get(d.key());
            Object shownGap = shown.get("gap");
            if (gap == null ? shownGap != null : !(shownGap instanceof Number n && close(n.doubleValue(), gap))) {
                wrong.add(d.key() + "/gap: expected " + gap + ", shown " + shownGap);
            }
        }
        for (Instrument.Item item : instrument.items()) {
            Map<String, Object> shown = report.getMap("report.items.find { it.item == '" + item.id() + "' }");
            ExpectedScores.Stat stat = expected.othersItem(item);
            check(wrong, item.id() + "/OTHERS", shown == null ? null : (Map<?, ?>) shown.get("others"),
                    stat != null && stat.n() >= expected.k() ? new ExpectedScores.Stat(stat.mean(), stat.n(), null) : null);
        }
        if (!expected.gaps().isEmpty()) {
            Object index = report.get("report.alignment.index");
            if (!(index instanceof Number n && close(n.doubleValue(), expected.alignmentIndex()))) {
                wrong.add("alignment index: expected " + expected.alignmentIndex() + ", shown " + index);
            }
        }
        wrong.forEach(w -> System.out.println("report figure differs: " + w));
        return wrong.size();
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
