package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedback360.scoring.engine.InstrumentModel;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.engine.RaterSubmission;
import org.feedback360.scoring.engine.SubjectReport;
import org.junit.jupiter.api.Test;

/** The page as rendered by ReportPage through Qute, checked as text. */
class ReportPageTest {

    final ReportPage page = PageEngine.reportPage();

    @Test
    void workedExampleShowsItsNumbers() {
        String html = page.render(Reports.worked(), Reports.workedContext("en"));

        // Alignment: AI 0.5434, S̄ 4.75, F̄ 2.9236, over-estimator.
        assertTrue(html.contains("<p class=\"stat-value\">0.54</p>"), "alignment index");
        assertContainsText(html, "4.75", "2.92", "Over-estimator");
        // TRUST: self 5.0, manager 3.667 (n 1), followers 3.2222 (n 3, sd 0.8389), others 3.3333 (n 4), gap 1.7778, rwg .8571.
        String trust = row(html, "Trust");
        assertEquals(List.of("5.00 n 1", "3.67 n 1", "3.22 n 3 · sd 0.84", "withheld — group below 3",
                "withheld — group below 3", "3.33 n 4 · sd 0.72"), cells(trust));
        // Others' sd by hand: TRUST raters 3.667, 3.333, 4, 2.333 → 0.72; COMMUNICATION 3.5, 2.5, 3, 2, 3 → 0.57.
        // COMMUNICATION: self 4.5, manager 3.5, followers 2.625 (n 4, sd 0.4787), others 2.8 (n 5).
        assertEquals(List.of("4.50 n 1", "3.50 n 1", "2.63 n 4 · sd 0.48", "withheld — group below 3",
                "withheld — group below 3", "2.80 n 5 · sd 0.57"), cells(row(html, "Communication")));
        assertContainsText(html, "+1.78", "+1.88", "0.86", "strong agreement", "0.91", "very strong agreement");
        // Items: the followers' and all others' figures beside the dimension scores would give away what
        // direct reports 4 and 2 answered (SCORING.md lists them; the published report withholds them).
        for (String item : List.of("Shows trust in the team", "Keeps confidences", "Goes back on promises",
                "Listens before deciding", "Keeps people informed")) {
            List<String> cells = cells(row(html, item));
            assertEquals("withheld — protects skipped answers", cells.get(2), item);
            assertEquals("withheld — protects skipped answers", cells.get(5), item);
        }
        assertEquals(List.of("5.00 n 1", "4.00 n 1"), cells(row(html, "Shows trust in the team")).subList(0, 2));
        assertTrue(section(html, "withheld").contains("Some people skipped some of this dimension’s items."));
        // So no blind spots and no hidden strengths: they come from published item figures only.
        assertTrue(section(html, "blind-spots").contains("None: there is no item you rate clearly higher"));
        assertTrue(section(html, "hidden-strengths").contains("None: there is no item others rate clearly higher"));
    }

    @Test
    void withheldFiguresShowTheirReasonAndNoNumber() {
        // Two peers: below k, so every peer figure is withheld.
        String html = page.render(Reports.worked(), Reports.workedContext("en"));
        for (String dimension : List.of("Trust", "Communication")) {
            String peers = cells(row(html, dimension)).get(3);
            assertEquals("withheld — group below 3", peers, "no digit but k, no count, no zero");
        }
        String reasons = section(html, "withheld");
        assertTrue(reasons.contains("Fewer than 3 people of this group responded, or none were asked."), reasons);
        assertFalse(html.contains(">0.00<"), "no withheld value rendered as zero");
    }

    @Test
    void followersBelowThresholdFallBackToAllOthersAndSaySo() {
        // Only two direct reports: they are withheld, and the alignment uses OTHERS.
        List<RaterSubmission> submissions = Reports.workedSubmissions().stream()
                .filter(s -> !s.raterKey().equals("dr3") && !s.raterKey().equals("dr4")).toList();
        String html = page.render(Reports.worked(submissions), Reports.workedContext("en"));
        assertTrue(html.contains("Fewer than 3 of your direct reports responded"), "basis explained");
        assertEquals("withheld — group below 3", cells(row(html, "Trust")).get(2));
        assertTrue(section(html, "consensus").contains("withheld — group below 3"), "no rwg without followers");
        assertTrue(html.contains("All others’ average rating"), "the summary names its basis");
    }

    @Test
    void commentsAreEscapedText() {
        String attack = "<script>alert(1)</script><b>x</b>";
        List<RaterSubmission> submissions = new ArrayList<>(Reports.workedSubmissions());
        submissions.replaceAll(s -> s.raterKey().equals("dr1") ? Reports.comments(s, "keep", attack) : s);
        String html = page.render(Reports.worked(submissions), Reports.workedContext("en"));

        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;"), "shown as text");
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<b>x</b>"), "no injected element");
    }

    @Test
    void labelsAndNamesAreEscapedToo() {
        ReportContext context = new ReportContext("Lea <i>Leader</i>", "Q1 & \"Q2\"", Reports.RELEASED, "en",
                java.util.Map.of("TRUST", "Trust <img src=x>"), java.util.Map.of(), java.util.Map.of());
        String html = page.render(Reports.worked(), context);
        assertTrue(html.contains("Lea &lt;i&gt;Leader&lt;/i&gt;"));
        assertTrue(html.contains("Q1 &amp; &quot;Q2&quot;"));
        assertTrue(html.contains("Trust &lt;img src=x&gt;"));
        assertFalse(html.contains("<img"));
        // A label that is missing falls back to its id.
        assertTrue(html.contains(">COMMUNICATION<"));
    }

    @Test
    void germanReaderGetsGermanWordsAndNumbers() {
        String html = page.render(Reports.worked(), Reports.workedContext("de-CH"));
        assertTrue(html.contains("<html lang=\"de\">"));
        assertContainsText(html, "Übereinstimmung auf einen Blick", "Überschätzung", "27. März 2026",
                "zurückgehalten — Gruppe unter 3", "starke Einigkeit");
        assertTrue(html.contains("<p class=\"stat-value\">0,54</p>"), "decimal comma");
        assertEquals("3,22 n 3 · sd 0,84", cells(row(html, "Trust")).get(2));
    }

    @Test
    void unsupportedLanguageReadsEnglish() {
        String html = page.render(Reports.worked(), Reports.workedContext("fr"));
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("Alignment at a glance"));
    }

    @Test
    void demoHasARadarWithAPolygonPerSeries() {
        String html = page.render(Reports.demo(), Reports.demoContext("en"));
        String radar = section(html, "radar");
        assertTrue(radar.contains("role=\"img\""));
        assertTrue(radar.contains("<title id=\"radar-title-compact\">Radar chart of average scores per dimension</title>"));
        assertTrue(radar.contains("<title id=\"radar-title-wide\">Radar chart of average scores per dimension</title>"));
        for (String series : List.of("SELF", "DIRECT_REPORTS", "OTHERS")) {
            Matcher polygon = Pattern.compile("<g class=\"series series-" + series + "\"[^>]*>\\s*<polygon points=\"([^\"]+)\"")
                    .matcher(radar);
            assertTrue(polygon.find(), series);
            assertEquals(6, polygon.group(1).split(" ").length, series + " has one point per dimension");
        }
        assertTrue(radar.contains("<table class=\"scores\" id=\"radar-data\">"), "data table fallback");
    }

    @Test
    void aWithheldPointLeavesTheRadarOpenAndSaysWhatIsNotShown() {
        // Two of the four followers answer no RECOGNITION item: the followers' figure there rests on
        // two raters, and OTHERS would give those two away by subtraction.
        List<RaterSubmission> submissions = new ArrayList<>(Reports.demoSubmissions());
        submissions.replaceAll(s -> s.raterKey().equals("r-f1") || s.raterKey().equals("r-f2") ? withoutRecognition(s) : s);
        SubjectReport report = Reports.worked(submissions, Reports.DEMO_INSTRUMENT);
        String html = page.render(report, Reports.demoContext("en"));

        String radar = section(html, "radar");
        assertTrue(radar.contains("<tspan class=\"note\" x=\""), "a note at the spoke");
        Matcher note = Pattern.compile("not shown:</tspan><tspan class=\"note\"[^>]*>([^<]*)</tspan><tspan class=\"note\"[^>]*>([^<]*)</tspan></text>")
                .matcher(radar);
        assertTrue(note.find(), radar);
        assertEquals(List.of("Followers", "All others"), List.of(note.group(1), note.group(2)));
        Matcher followers = Pattern.compile("<g class=\"series series-DIRECT_REPORTS\"[^>]*>\\s*<polyline points=\"([^\"]+)\"")
                .matcher(radar);
        assertTrue(followers.find(), "followers drawn as an open line");
        assertEquals(5, followers.group(1).split(" ").length, "through the five published spokes");
        assertTrue(section(html, "gaps").contains("withheld — fewer than 3 ratings"));
        assertEquals(List.of("withheld — fewer than 3 ratings", "withheld — protects a small group"),
                List.of(cells(row(html, "Recognition")).get(2), cells(row(html, "Recognition")).get(5)));
        assertTrue(section(html, "withheld").contains("Showing it would let fewer than 3 ratings be worked out"));
    }

    @Test
    void withNobodyToCompareTheAlignmentIsWithheldWithItsReason() {
        List<RaterSubmission> onlySelf = Reports.workedSubmissions().stream()
                .filter(s -> s.group() == RaterGroup.SELF).toList();
        String html = page.render(Reports.worked(onlySelf), Reports.workedContext("en"));
        assertTrue(section(html, "summary").contains("Alignment withheld — Neither your followers nor other raters"));
        assertTrue(html.contains("Too few people responded to compare your self-rating"));
        assertFalse(section(html, "summary").contains("stat-value"), "no index shown");
        assertTrue(section(html, "comments").contains("No comments can be shown."));
    }

    @Test
    void aFollowershipReviewComparesWithTheManager() {
        String html = page.render(Reports.followership(), Reports.followershipContext("en"));

        assertTrue(html.contains("This review compares your self-rating with your manager’s rating of you"), "basis");
        assertFalse(html.contains("Too few people responded"), "the manager's basis is no missing basis");
        assertContainsText(html, "Followership feedback report", "Your manager’s rating");
        // JUDGMENT: self 5, manager 3.5, gap +1.5; WORK_ETHIC: 4 and 4.5, gap −0.5; COURAGE 3 and 4, gap −1.
        String radar = section(html, "radar");
        assertTrue(radar.contains("Your manager’s view"), "legend");
        Matcher manager = Pattern.compile("<g class=\"series series-MANAGER\"[^>]*>\\s*<polygon points=\"([^\"]+)\"")
                .matcher(radar);
        assertTrue(manager.find(), "the manager's line");
        assertEquals(3, manager.group(1).split(" ").length);
        assertFalse(radar.contains("series-OTHERS") || radar.contains("series-DIRECT_REPORTS"), "no followers, no others");

        String gaps = section(html, "gaps");
        assertContainsText(gaps, "Where you and your manager differ", "Your score minus your manager’s score",
                "your manager rates you higher", "+1.50", "−0.50", "−1.00");

        // Only the instrument's groups are columns: nothing about peers or followers "withheld".
        assertEquals(List.of("5.00 n 1", "3.50 n 1"), cells(row(html, "Judgment")));
        assertEquals(List.of("5.00 n 1", "3.00 n 1"), cells(row(html, "Weighs options before acting")));
        assertFalse(html.contains("group below 3"), html);
        assertFalse(html.contains("id=\"consensus\""), "no followers' consensus");
        assertTrue(html.contains("colspan=\"3\""), "item table: the item, self, manager");
        assertTrue(section(html, "blind-spots").contains("Items you rate yourself clearly higher than your manager rates you."));
        assertContainsText(section(html, "blind-spots"), "Weighs options before acting", "Manager <b>3.00</b>");
    }

    @Test
    void aFollowershipReviewInGerman() {
        String html = page.render(Reports.followership(), Reports.followershipContext("de"));
        assertContainsText(html, "Diese Befragung vergleicht Ihre Selbsteinschätzung mit der Einschätzung Ihrer Führungskraft",
                "Sicht Ihrer Führungskraft", "Wo Sie und Ihre Führungskraft sich unterscheiden",
                "Ihre Führungskraft bewertet höher", "Bewertung Ihrer Führungskraft");
        assertFalse(html.contains("Zu wenige Personen haben geantwortet"));
    }

    @Test
    void aFollowershipReviewWithoutTheManagersRatingSaysSo() {
        SubjectReport selfOnly = new org.feedback360.scoring.engine.ReportCalculator(Reports.FOLLOWERSHIP_INSTRUMENT,
                org.feedback360.scoring.engine.ScoringPolicy.DEFAULT).calculate("follower-1",
                List.of(Reports.rater("self", RaterGroup.SELF, Reports.FOLLOWERSHIP_ITEMS, 5, 5, 4, 2, 3, 3)));
        String html = page.render(selfOnly, Reports.followershipContext("en"));
        assertTrue(html.contains("Your manager’s rating is not available"), "followership wording");
        assertFalse(html.contains("Too few people responded"));
    }

    @Test
    void aGroupTheInstrumentDoesNotUseIsNoColumn() {
        InstrumentModel noOthers = Reports.WORKED_INSTRUMENT.ratedBy(RaterGroup.SELF, RaterGroup.MANAGER,
                RaterGroup.DIRECT_REPORT, RaterGroup.PEER);
        String html = page.render(Reports.worked(Reports.workedSubmissions(), noOthers), Reports.workedContext("en"));
        assertEquals(5, cells(row(html, "Trust")).size(), "self, manager, direct reports, peers, all others");
        assertFalse(html.contains("Other raters"), "never asked, so neither a column nor a hidden group");
    }

    private static RaterSubmission withoutRecognition(RaterSubmission s) {
        java.util.Map<String, Integer> answers = new java.util.HashMap<>(s.answers());
        answers.replaceAll((item, answer) -> item.startsWith("rec_") ? null : answer);
        return new RaterSubmission(s.raterKey(), s.group(), answers, s.comments());
    }

    // --- helpers: the page's own structure, read as text ---

    static void assertContainsText(String html, String... texts) {
        for (String text : texts) {
            assertTrue(html.contains(text), "missing: " + text);
        }
    }

    static void assertOrder(String html, String... texts) {
        int from = 0;
        for (String text : texts) {
            int at = html.indexOf(text, from);
            assertTrue(at >= 0, "missing or out of order: " + text);
            from = at + text.length();
        }
    }

    /** The inner HTML of the element with this id. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no element " + id);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    /** The first score-table row whose header is this label (the per-dimension or per-item table). */
    static String row(String html, String label) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\">" + Pattern.quote(label) + "(<span[^<]*</span>)?</th>(.*?)</tr>",
                Pattern.DOTALL).matcher(html.substring(html.indexOf("id=\"dimensions\"")));
        assertTrue(m.find(), "no row " + label);
        return m.group(2);
    }

    /** The cells of a row as plain text. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            cells.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return cells;
    }
}
