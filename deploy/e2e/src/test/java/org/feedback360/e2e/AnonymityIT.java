package org.feedback360.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
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
import java.util.function.Supplier;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cycles built to tempt a leak (k = 3): Ada's followers are a group of k − 1 with nobody to
 * pool with; Ben has three followers but one skips an item and most of a dimension, so those
 * figures stand one N/A away from k; Cleo's two followers and two peers are each too few but
 * reach k pooled together. Every answer the subjects (and HR) can get — report JSON and page,
 * report list, trend, inbox, analytics — is searched for a figure or comment that singles out a
 * rater: a group figure below k, an "all others" figure that exceeds the shown groups by fewer
 * than k raters (so subtraction would reveal them), a comment of a hidden group, a rater key.
 */
class AnonymityIT {

    static final int K = 3;
    static final ObjectMapper JSON = new ObjectMapper();
    static Org org;
    static Review review;
    static final Map<String, String> comments = new LinkedHashMap<>();

    @BeforeAll
    static void threeTemptingReviews() {
        org = Org.inDemoTenant().person("TOP", null)
                .person("MA", "TOP").team("ADA", "MA", 2)
                .person("MB", "TOP").team("BEN", "MB", 3)
                .person("MC", "TOP").team("CLEO", "MC", 2).person("CP1", "MC").person("CP2", "MC")
                .importAndProvision();
        Instrument instrument = Instrument.fetch("leader-follower", 1);
        review = Review.of(org).subjects("ADA", "BEN", "CLEO").anonymityThreshold(K).open();
        Random random = new Random(3);
        for (Org.Person p : org.people()) {
            for (Review.Assignment a : review.assignmentsOf(p.label())) {
                Map<String, Integer> answers = instrument.randomAnswers(random);
                if (p.label().equals("BEN-R3")) {
                    answers.put("trust-1", null);
                    answers.put("presence-1", null);
                    answers.put("presence-2", null);
                }
                String text = "COMMENT-" + p.label() + "-about-" + a.subjectId().substring(a.subjectId().lastIndexOf('-') + 1)
                        + (p.label().equals("CLEO-R1") ? " <script>alert('x')</script>" : "");
                comments.put(p.label() + "→" + a.subjectId(), text);
                review.submit(a, answers, Map.of("keep-doing", text)).then().statusCode(201);
            }
        }
        review.close();
        review.release();
        for (String s : List.of("ADA", "BEN", "CLEO")) {
            review.awaitReport(org.as(s), org.get(s).employeeId(), Duration.ofSeconds(90));
        }
    }

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
        answers.add(asHrPortal().get("/api/v1/analytics/cycles/" + review.id()).then().statusCode(200).extract().asString());
        return answers;
    }

    @Test
    void noAnswerLetsAnyoneSingleOutARater() {
        List<String> leaks = new ArrayList<>();
        int figures = 0;
        for (String subject : List.of("ADA", "BEN", "CLEO")) {
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
    }

    @Test
    void pooledCommentsAreShownAsOthersAndMarkupAsText() throws IOException {
        String cleo = org.get("CLEO").employeeId();
        JsonNode report = JSON.readTree(org.as("CLEO").get(review.reportPath(cleo)).then().statusCode(200)
                .extract().asString()).path("report");
        String followerWords = comments.get("CLEO-R1→" + cleo);
        boolean found = false;
        for (JsonNode group : report.path("comments")) {
            for (JsonNode text : group.path("texts")) {
                if (text.asText().equals(followerWords.strip())) {
                    found = true;
                    assertEquals("OTHERS", group.path("source").asText(), "pooled comments are not attributed to a group");
                }
            }
        }
        assertTrue(found, "followers and peers reach k together, so their comments are shown, pooled");
        String html = org.as("CLEO").accept("text/html").get(review.reportPath(cleo)).then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(") && !html.contains("<script>alert("), "markup is shown as text");
        Summary.record("comments with markup shown as text in the HTML report", 1, 0);
    }

    /**
     * Walks one JSON answer for figure sets — objects with a {@code groups} map and an
     * {@code others} figure — and checks the two rules that keep raters hidden.
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
        }
        for (JsonNode child : node) {
            checked += checkFigures(subject, child, leaks);
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
