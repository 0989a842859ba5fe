package org.feedback360.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cycle built to tempt a leak (k = 3). Ada's followers are a group of k − 1 with nobody to
 * pool with; Ben has three followers but one skips an item and most of a dimension, so those
 * figures stand one N/A away from k; Cleo's two followers and two peers are each too few but
 * reach k pooled together. Dan, Eve and Fay are set up for the differencing attack: in a
 * published group of four (Dan), five (Eve) and in a pooled OTHERS (Fay), one or k − 1 raters
 * leave items of a dimension out, so the item means and the dimension mean are taken over
 * different answers. Every answer the subjects (and HR) can get — report JSON and page, report
 * list, trend, inbox, analytics — is searched for a figure or comment that singles out a rater:
 * a figure below k, an "all others" figure that exceeds the shown groups by fewer than k raters,
 * a number on the page where the report withholds it, an analytics cell or rank the report does
 * not publish, a combination of published means that involves fewer than k raters' answers, a
 * comment of a hidden group, a rater key.
 */
class AnonymityIT {

    static final int K = 3;
    static final List<String> SUBJECTS = List.of("ADA", "BEN", "CLEO", "DAN", "EVE", "FAY");
    /** Items each of these raters answers N/A (about their own subject): the partial answers the probes need. */
    static final Map<String, List<String>> SKIPPED = Map.of(
            "BEN-R3", List.of("trust-1", "presence-1", "presence-2"),
            "DAN-R1", List.of("trust-1"),
            "DAN-R2", List.of("communication-1", "communication-2"),
            "DP1", List.of("presence-2"),
            "EVE-R1", List.of("fairness-1"),
            "EVE-R2", List.of("fairness-3"),
            "FP1", List.of("inclusion-2"));
    static final ObjectMapper JSON = new ObjectMapper();
    static Org org;
    static Instrument instrument;
    static Review review;
    static final Map<String, String> comments = new LinkedHashMap<>();

    @BeforeAll
    static void aTemptingReview() {
        Summary.journeyStarted("anonymity review");
        org = Org.inDemoTenant().person("TOP", null)
                .person("MA", "TOP").team("ADA", "MA", 2)
                .person("MB", "TOP").team("BEN", "MB", 3)
                .person("MC", "TOP").team("CLEO", "MC", 2).person("CP1", "MC").person("CP2", "MC")
                .person("MD", "TOP").team("DAN", "MD", 4).person("DP1", "MD").person("DP2", "MD").person("DP3", "MD")
                .person("ME", "TOP").team("EVE", "ME", 5).person("EP1", "ME").person("EP2", "ME")
                .person("MF", "TOP").team("FAY", "MF", 2).person("FP1", "MF").person("FP2", "MF")
                .importAndProvision();
        instrument = Instrument.fetch("leader-follower", 1);
        review = Review.of(org).subjects(SUBJECTS.toArray(String[]::new)).anonymityThreshold(K).open();
        Random random = new Random(3);
        for (Org.Person p : org.people()) {
            for (Review.Assignment a : review.assignmentsOf(p.label())) {
                Map<String, Integer> answers = instrument.randomAnswers(random);
                SKIPPED.getOrDefault(p.label(), List.of()).forEach(item -> answers.put(item, null));
                String text = "COMMENT-" + p.label() + "-about-" + a.subjectId().substring(a.subjectId().lastIndexOf('-') + 1)
                        + (p.label().equals("CLEO-R1") ? " <script>alert('x')</script>" : "");
                comments.put(p.label() + "→" + a.subjectId(), text);
                review.submit(a, answers, Map.of("keep-doing", text)).then().statusCode(201);
            }
        }
        review.close();
        review.release();
        for (String s : SUBJECTS) {
            review.awaitReport(org.as(s), org.get(s).employeeId(), Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void completed() {
        if (probesPassed.get() == 5) {
            Summary.journeyCompleted("anonymity review");
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger probesPassed = new java.util.concurrent.atomic.AtomicInteger();

    /** Everything a subject can read about themselves, and HR about the cycle. */
    private List<String> answersFor(String subject) {
        String id = org.get(subject).employeeId();
        Supplier<RequestSpecification> self = () -> org.as(subject);
        List<String> answers = new ArrayList<>();
        answers.add(self.get().get(review.reportPath(id)).then().statusCode(200).extract().asString());
        answers.add(self.get().accept("text/html").get(review.reportPath(id)).then().statusCode(200).extract().asString());
        answers.add(self.get().get("/api/v1/reports?cycleId=" + review.id()).then().statusCode(200).extract().asString());
        answers.add(self.get().get("/api/v1/trends/subjects/" + id).then().statusCode(200).extract().asString());
        answers.add(self.get().get("/api/v1/me/inbox").then().statusCode(200).extract().asString());
        answers.add(asHrPortal().get(review.reportPath(id)).then().statusCode(200).extract().asString());
        answers.add(analytics());
        return answers;
    }

    private static String analytics() {
        return asHrPortal().get("/api/v1/analytics/cycles/" + review.id()).then().statusCode(200).extract().asString();
    }

    private static JsonNode reportOf(String subject) {
        return parse(org.as(subject).get(review.reportPath(org.get(subject).employeeId())).then().statusCode(200)
                .extract().asString());
    }

    @Test
    void noAnswerLetsAnyoneSingleOutARater() {
        List<String> leaks = new ArrayList<>();
        int figures = 0;
        for (String subject : SUBJECTS) {
            for (String answer : answersFor(subject)) {
                if (answer.contains("raterKey")) {
                    leaks.add(subject + ": a rater key is shown");
                }
                JsonNode json = parse(answer);
                if (json != null) {
                    figures += checkFigures(subject, json, leaks);
                }
            }
        }
        // Ada's followers are two and have nobody to pool with: their words appear nowhere.
        for (String follower : List.of("ADA-R1", "ADA-R2")) {
            String text = comments.get(follower + "→" + org.get("ADA").employeeId());
            for (String answer : answersFor("ADA")) {
                if (answer.contains(text)) {
                    leaks.add("a comment of Ada's two followers is shown: " + text);
                }
            }
        }
        Summary.record("anonymity probes: figures checked, leaks", figures, leaks.size());
        leaks.forEach(l -> System.out.println("anonymity: " + l));
        assertEquals(List.of(), leaks);
        assertTrue(figures > 100, "the probe really looked at figures: " + figures);
        probesPassed.incrementAndGet();
    }

    /**
     * HR's analytics show, per subject, the followers' view of each dimension (heatmap) and its
     * rank among the cycle's subjects (percentiles): each must be exactly the report's published
     * figure — never a figure over fewer than k raters, never a rank for a figure the report withholds.
     */
    @Test
    void hrAnalyticsShowOnlyWhatTheReportsPublish() {
        JsonNode results = parse(analytics()).path("results");
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        SUBJECTS.forEach(s -> reports.put(org.get(s).employeeId(), reportOf(s).path("report")));
        for (JsonNode row : results.path("heatmap")) {
            JsonNode report = reports.get(row.path("subjectId").asText());
            if (report == null) {
                leaks.add("a heatmap row for a subject who is not in the cycle: " + row);
                continue;
            }
            if (!row.path("followersBasis").asText().equals(report.path("followersBasis").asText())) {
                leaks.add(row.path("subjectId").asText() + ": heatmap basis " + row.path("followersBasis") + ", report "
                        + report.path("followersBasis"));
            }
            for (JsonNode d : report.path("dimensions")) {
                JsonNode cell = row.path("cells").path(d.path("dimension").asText());
                checked++;
                JsonNode shown = cell.path("followers");
                String where = row.path("subjectId").asText() + "/" + d.path("dimension").asText();
                if (shown.path("published").asBoolean() && shown.path("n").asInt() < K) {
                    leaks.add(where + ": heatmap cell over fewer than k raters " + shown);
                }
                if (!sameFigure(shown, d.path("followers"))) {
                    leaks.add(where + ": heatmap shows " + shown + ", the report " + d.path("followers"));
                }
                if (!sameNumber(cell.path("gap"), d.path("gap"))) {
                    leaks.add(where + ": heatmap gap " + cell.path("gap") + ", the report " + d.path("gap"));
                }
            }
        }
        if (results.path("heatmap").size() != SUBJECTS.size()) {
            leaks.add("heatmap rows " + results.path("heatmap").size() + " for " + SUBJECTS.size() + " released reports");
        }
        for (JsonNode row : results.path("percentiles").path("subjects")) {
            JsonNode report = reports.get(row.path("subjectId").asText());
            String who = row.path("subjectId").asText();
            JsonNode ai = row.path("alignmentIndex");
            checked++;
            if (!ai.isMissingNode() && !ai.isNull() && !(report.path("alignment").path("published").asBoolean()
                    && Math.abs(ai.path("value").asDouble() - report.path("alignment").path("index").asDouble()) < 1e-9)) {
                leaks.add(who + ": alignment index ranked " + ai + ", the report " + report.path("alignment"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = row.path("followers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> ranked = it.next();
                checked++;
                JsonNode basis = dimensionOf(report, ranked.getKey()).path("followers");
                if (!basis.path("published").asBoolean()
                        || Math.abs(basis.path("mean").asDouble() - ranked.getValue().path("value").asDouble()) > 1e-9) {
                    leaks.add(who + "/" + ranked.getKey() + ": ranked " + ranked.getValue() + ", the report's basis figure " + basis);
                }
            }
            for (JsonNode d : report.path("dimensions")) {
                if (d.path("followers").path("published").asBoolean() && !row.path("followers").has(d.path("dimension").asText())) {
                    leaks.add(who + "/" + d.path("dimension").asText() + ": a published basis figure is not ranked");
                }
            }
        }
        Summary.record("anonymity: HR analytics cells and ranks checked, beyond the reports", checked, leaks.size());
        leaks.forEach(l -> System.out.println("anonymity: " + l));
        assertEquals(List.of(), leaks);
        assertTrue(checked >= SUBJECTS.size() * instrument.dimensions().size(), "the probe really looked at the analytics");
        probesPassed.incrementAndGet();
    }

    /** The page shows a number exactly where the report JSON publishes one, and that number. */
    @Test
    void theReportPageShowsNoWithheldFigure() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int withheld = 0;
        for (String subject : SUBJECTS) {
            String id = org.get(subject).employeeId();
            JsonNode document = reportOf(subject);
            String html = org.as(subject).accept("text/html").get(review.reportPath(id)).then().statusCode(200)
                    .extract().asString();
            List<HtmlFigures.Cell> shown = HtmlFigures.cells(html);
            cells += shown.size();
            withheld += (int) shown.stream().filter(c -> c.value() == null).count();
            HtmlFigures.compare(shown, document).forEach(w -> wrong.add(subject + ": " + w));
        }
        Summary.record("anonymity: HTML report figures checked, withheld ones shown or figures differing", cells, wrong.size());
        wrong.forEach(w -> System.out.println("anonymity: " + w));
        assertEquals(List.of(), wrong);
        // Each subject's page has the dimension and item tables, and the cycle was built to withhold some.
        assertTrue(cells >= SUBJECTS.size() * (instrument.dimensions().size() + instrument.items().size()), "cells read: " + cells);
        assertTrue(withheld > 0, "the pages withhold figures, and the probe saw them");
        probesPassed.incrementAndGet();
    }

    /**
     * The differencing attack, generalised: from every published mean of each report (group and
     * OTHERS, dimensions and items), is there a combination that involves the answers of fewer
     * than k anonymous raters? Dan, Eve and Fay's raters who left items out are exactly the ones
     * it would expose (see {@link DisclosureSolver}).
     */
    @Test
    void noCombinationOfPublishedMeansSinglesOutRatersWhoLeftItemsOut() {
        List<String> leaks = new ArrayList<>();
        List<String> modelErrors = new ArrayList<>();
        int sets = 0;
        int equations = 0;
        for (String subject : SUBJECTS) {
            DisclosureSolver.Result r = DisclosureSolver.solve(instrument, K, review.acknowledgedAbout(org.get(subject).employeeId()),
                    reportOf(subject).path("report"));
            sets += r.setsTried();
            equations += r.equations();
            r.leaks().forEach(l -> leaks.add(subject + ": " + l));
            r.modelErrors().forEach(e -> modelErrors.add(subject + ": " + e));
        }
        Summary.record("anonymity: rater sets (< k) tried against all published means, singled out", sets, leaks.size());
        leaks.forEach(l -> System.out.println("anonymity (differencing): " + l));
        modelErrors.forEach(e -> System.out.println("anonymity (solver model): " + e));
        assertEquals(List.of(), modelErrors, "every published mean is what the submissions give: the equations are right");
        assertEquals(List.of(), leaks);
        assertTrue(equations > 100, "the solver had the reports' figures to work with: " + equations);
        probesPassed.incrementAndGet();
    }

    @Test
    void pooledCommentsAreShownAsOthersAndMarkupAsText() throws IOException {
        String cleo = org.get("CLEO").employeeId();
        JsonNode report = reportOf("CLEO").path("report");
        String followerWords = comments.get("CLEO-R1→" + cleo);
        String source = null;
        for (JsonNode group : report.path("comments")) {
            for (JsonNode text : group.path("texts")) {
                if (text.asText().equals(followerWords.strip())) {
                    source = group.path("source").asText();
                }
            }
        }
        String html = org.as("CLEO").accept("text/html").get(review.reportPath(cleo)).then().statusCode(200)
                .extract().asString();
        boolean escaped = html.contains("&lt;script&gt;alert(") && !html.contains("<script>alert(");
        Summary.record("comments with markup shown as text in the HTML report, and pooled", 1,
                "OTHERS".equals(source) && escaped ? 0 : 1);
        assertEquals("OTHERS", source, "followers and peers reach k together, so their comments are shown, pooled");
        assertTrue(escaped, "markup is shown as text");
        probesPassed.incrementAndGet();
    }

    private static JsonNode dimensionOf(JsonNode report, String dimension) {
        for (JsonNode d : report.path("dimensions")) {
            if (d.path("dimension").asText().equals(dimension)) {
                return d;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The same published mean and n, or both withheld (with no number). */
    private static boolean sameFigure(JsonNode a, JsonNode b) {
        if (!a.path("published").asBoolean() || !b.path("published").asBoolean()) {
            return a.path("published").asBoolean() == b.path("published").asBoolean() && !a.has("mean") && !a.has("n");
        }
        return Math.abs(a.path("mean").asDouble() - b.path("mean").asDouble()) < 1e-9 && a.path("n").asInt() == b.path("n").asInt();
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        boolean aNull = a.isMissingNode() || a.isNull();
        boolean bNull = b.isMissingNode() || b.isNull();
        return aNull || bNull ? aNull == bNull : Math.abs(a.asDouble() - b.asDouble()) < 1e-9;
    }

    /**
     * Walks one JSON answer for figure sets — objects with a {@code groups} map and an
     * {@code others} figure — and checks the two rules that keep raters hidden. Any other
     * published figure (analytics) must stand on at least k raters.
     *
     * @return how many figures it checked
     */
    private static int checkFigures(String subject, JsonNode node, List<String> leaks) {
        int checked = 0;
        if (node.isObject() && node.has("groups") && node.path("groups").isObject()) {
            int shown = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("groups").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> g = it.next();
                JsonNode figure = g.getValue();
                checked++;
                if (figure.path("published").asBoolean() && figure.has("n")) {
                    int n = figure.path("n").asInt();
                    boolean named = g.getKey().equals("SELF") || g.getKey().equals("MANAGER");
                    if (!named && n < K) {
                        leaks.add(subject + ": " + g.getKey() + " shown with n=" + n + " in " + node);
                    }
                    if (!g.getKey().equals("SELF")) {
                        shown += n;
                    }
                } else if (figure.has("mean")) {
                    leaks.add(subject + ": a withheld figure carries a number: " + figure);
                }
            }
            JsonNode others = node.path("others");
            if (others.path("published").asBoolean()) {
                checked++;
                int hidden = others.path("n").asInt() - shown;
                if (others.path("n").asInt() < K || hidden > 0 && hidden < K) {
                    leaks.add(subject + ": all-others exceeds the shown groups by " + hidden + " in " + node);
                }
            }
            return checked + checkChildren(subject, node, leaks, Set.of("groups", "self"));
        }
        if (node.isObject() && node.path("published").asBoolean() && node.path("n").isNumber()) {
            checked++;
            if (node.path("n").asInt() < K) {
                leaks.add(subject + ": a figure over fewer than k raters: " + node);
            }
        } else if (node.isObject() && node.has("published") && !node.path("published").asBoolean()
                && (node.has("mean") || node.has("n"))) {
            leaks.add(subject + ": a withheld figure carries a number: " + node);
        }
        // The subject's own score ("self", as in a trend) is shown to them by design.
        return checked + checkChildren(subject, node, leaks, Set.of("self"));
    }

    private static int checkChildren(String subject, JsonNode node, List<String> leaks, Set<String> skip) {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            if (!skip.contains(child.getKey())) {
                checked += checkFigures(subject, child.getValue(), leaks);
            }
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                checked += checkFigures(subject, child, leaks);
            }
        }
        return checked;
    }

    private static JsonNode parse(String answer) {
        try {
            return answer.startsWith("{") || answer.startsWith("[") ? JSON.readTree(answer) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
