package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The injection strings of the bad-input corpus are valid free text: a person may be called
 * "' OR '1'='1" and a comment may say "&lt;script&gt;". Put into every free-text field — person
 * names, a cycle name, a webhook description, an instrument's names and item texts, raters'
 * comments — each must be stored verbatim (read back equal), and wherever it is rendered (the
 * HTML report, the invitation and report-ready mails) shown as text: present once markup is
 * undone, never as live markup.
 */
class FreeTextInjectionIT {

    /** The corpus' injection strings that are text (control characters are refused, not stored). */
    static final List<String> TEXTS = BadInputCorpusIT.INJECTIONS.stream()
            .filter(s -> s.chars().noneMatch(c -> c < 0x20)).toList();

    /**
     * Person names too, markup included: the directory keeps them verbatim, and feedback-service
     * gives Keycloak (whose user profile refuses {@code <>&"$%!#?§;*~/\|^=[]{}()}) the name without
     * those characters, so these people still log in and rate. Within the 200 characters of a name.
     */
    static final List<String> NAMES = TEXTS.stream().filter(s -> s.length() <= 180).toList();

    private final List<String> wrong = new ArrayList<>();
    private int checks;

    @Test
    void injectionStringsAreStoredVerbatimAndShownAsText() {
        assertTrue(TEXTS.size() >= 10, "injection strings: " + TEXTS);
        // Person names: the leader, the manager, three followers, three peers carry one string each.
        Org org = Org.inDemoTenant().person("MGR", null, "en").team("LEAD", "MGR", 3).person("P1", "MGR", "en")
                .person("P2", "MGR", "en").person("P3", "MGR", "en");
        List<String> labels = org.people().stream().map(Org.Person::label).toList();
        for (int i = 0; i < labels.size(); i++) {
            org.named(labels.get(i), NAMES.get(i % NAMES.size()) + " " + labels.get(i));
        }
        org.importAndProvision();
        for (Org.Person p : org.people()) {
            same("person name of " + p.label(), p.name(),
                    asHrPortal().get("/api/v1/people/" + p.employeeId()).then().statusCode(200).extract().path("name"));
        }

        // An instrument whose names and item texts are the strings.
        String key = "e2e-injection-" + org.run();
        String instrumentBody = instrument(key);
        JsonPath created = asHrPortal().contentType("application/json").body(instrumentBody).post("/api/v1/instruments")
                .then().statusCode(201).extract().jsonPath();
        int version = created.getInt("version");
        JsonPath stored = asHrPortal().get("/api/v1/instruments/" + key + "/versions/" + version).then().statusCode(200)
                .extract().jsonPath();
        same("instrument name", TEXTS.get(0), stored.getString("name.en"));
        for (int d = 0; d < 2; d++) {
            same("dimension name " + d, TEXTS.get(d + 1), stored.getString("dimensions[" + d + "].name.en"));
            for (int i = 0; i < 3; i++) {
                same("item text " + d + "/" + i, itemText(d, i), stored.getString("dimensions[" + d + "].items[" + i + "].text.en"));
            }
        }

        // A cycle whose name is a string, with that instrument; every rater comments with a string.
        String cycleName = TEXTS.get(3) + " " + org.run();
        Review review = Review.of(org).name(cycleName).instrument(key, version).subjects("LEAD").open();
        same("cycle name", cycleName, asHrPortal().get("/api/v1/cycles/" + review.id()).then().statusCode(200)
                .extract().path("name"));
        Instrument instrument = Instrument.fetch(key, version);
        // Raters answer once invited (whoever has submitted everything is, rightly, not invited).
        Org.Person follower = org.get("LEAD-R1");
        String invitation = Mailbox.awaitMessage(follower.email(), m -> m.contains(review.id()) && Mailbox.isInvitation(m),
                Duration.ofSeconds(90));
        Random random = new Random(11);
        Map<String, String> commentOf = new LinkedHashMap<>();
        int n = 0;
        for (String rater : List.of("LEAD", "MGR", "LEAD-R1", "LEAD-R2", "LEAD-R3", "P1", "P2", "P3")) {
            Review.Assignment a = review.assignmentsOf(rater).get(0);
            String comment = TEXTS.get(n++ % TEXTS.size()) + " — from " + rater;
            commentOf.put(rater, comment);
            review.submit(a, instrument.randomAnswers(random), Map.of("keep-doing", comment)).then().statusCode(201);
            same("comment of " + rater + " read back", comment, org.as(rater)
                    .get("/api/v1/me/assignments/" + a.assignmentId() + "/response").then().statusCode(200)
                    .extract().path("submitted.comments.keep-doing"));
        }

        // A webhook subscription described by a string, then described by another.
        String webhook = asHrPortal().contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/hook-" + org.run(),
                        "eventTypes", List.of("cycle.closed"), "description", TEXTS.get(4)))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            same("webhook description", TEXTS.get(4), asHrPortal().get("/api/v1/webhooks/" + webhook).then().statusCode(200)
                    .extract().path("description"));
            asHrPortal().contentType("application/json").body(Map.of("description", TEXTS.get(5)))
                    .patch("/api/v1/webhooks/" + webhook).then().statusCode(200);
            same("webhook description changed", TEXTS.get(5), asHrPortal().get("/api/v1/webhooks/" + webhook).then()
                    .statusCode(200).extract().path("description"));
        } finally {
            asHrPortal().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }

        review.close();
        review.release();
        String lead = org.get("LEAD").employeeId();
        JsonPath report = review.awaitReport(org.as("LEAD"), lead, Duration.ofSeconds(90));
        same("cycle name in the report", cycleName, report.getString("cycleName"));
        same("subject name in the report", org.get("LEAD").name(), report.getString("subject.name"));
        List<String> shownComments = report.getList("report.comments.texts.flatten()", String.class);
        for (var c : commentOf.entrySet()) {
            if (!c.getKey().equals("LEAD")) { // the subject's own words are not among the raters' comments
                check("comment of " + c.getKey() + " in the report JSON", shownComments.contains(c.getValue()));
            }
        }

        // The page: every string the leader's report renders is there as text, none as markup.
        String html = org.as("LEAD").accept("text/html").get(review.reportPath(lead)).then().statusCode(200).extract().asString();
        List<String> rendered = new ArrayList<>(List.of(cycleName, org.get("LEAD").name(), TEXTS.get(1), TEXTS.get(2)));
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < 3; i++) {
                rendered.add(itemText(d, i));
            }
        }
        commentOf.forEach((rater, comment) -> {
            if (!rater.equals("LEAD")) {
                rendered.add(comment);
            }
        });
        for (String text : rendered) {
            shownAsText("report page", html, text);
        }

        // The mails: a follower's invitation names the cycle, the follower and the leader; the
        // leader's report-ready mail names the cycle.
        String reportReady = Mailbox.awaitMessage(org.get("LEAD").email(), m -> m.contains(review.id()) && Mailbox.isReportReady(m),
                Duration.ofSeconds(60));
        Map<String, String> invitationParts = Mailbox.parts(invitation);
        Map<String, String> reportParts = Mailbox.parts(reportReady);
        for (String text : List.of(cycleName, follower.name(), org.get("LEAD").name())) {
            check("invitation text part names " + text, invitationParts.getOrDefault("text/plain", "").contains(text));
            shownAsText("invitation HTML part", invitationParts.getOrDefault("text/html", ""), text);
        }
        check("report-ready text part names the cycle", reportParts.getOrDefault("text/plain", "").contains(cycleName));
        shownAsText("report-ready HTML part", reportParts.getOrDefault("text/html", ""), cycleName);

        Summary.record("free-text fields with injection strings: stored verbatim, shown as text", checks, wrong.size());
        wrong.forEach(w -> System.out.println("free text: " + w));
        assertEquals(List.of(), wrong);
    }

    private void same(String what, String expected, Object actual) {
        check(what + ": stored " + actual + ", sent " + expected, expected.equals(actual));
    }

    private void check(String what, boolean ok) {
        checks++;
        if (!ok) {
            wrong.add(what);
        }
    }

    /** In HTML: the text is there once markup is undone, and where it holds markup, never raw. */
    private void shownAsText(String where, String html, String text) {
        check(where + " shows as text: " + text, HtmlFigures.text(html).contains(text.replaceAll("\\s+", " ").strip()));
        if (text.contains("<") || text.contains(">")) {
            check(where + " holds no live markup of: " + text, !html.contains(text));
        }
    }

    private static String itemText(int dimension, int item) {
        return TEXTS.get((dimension * 3 + item + 2) % TEXTS.size()) + " (" + dimension + "." + item + ")";
    }

    /** Two dimensions of three items, names and texts all injection strings (English only). */
    private static String instrument(String key) {
        StringBuilder dims = new StringBuilder();
        for (int d = 0; d < 2; d++) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                items.append(i > 0 ? "," : "").append("{\"id\":\"").append(d == 0 ? "alpha-" : "beta-").append(i + 1)
                        .append("\",\"text\":{\"en\":").append(BadInputCorpusIT.jsonString(itemText(d, i))).append("}}");
            }
            dims.append(d > 0 ? "," : "").append("{\"key\":\"").append(d == 0 ? "ALPHA" : "BETA").append("\",\"name\":{\"en\":")
                    .append(BadInputCorpusIT.jsonString(TEXTS.get(d + 1))).append("},\"items\":[").append(items).append("]}");
        }
        return "{\"key\":\"" + key + "\",\"name\":{\"en\":" + BadInputCorpusIT.jsonString(TEXTS.get(0)) + "},"
                + "\"locales\":[\"en\"],\"raterGroups\":[\"SELF\",\"MANAGER\",\"DIRECT_REPORT\",\"PEER\"],"
                + "\"dimensions\":[" + dims + "],"
                + "\"openQuestions\":[{\"id\":\"keep-doing\",\"text\":{\"en\":\"What should they keep doing?\"}}]}";
    }
}
