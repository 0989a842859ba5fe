package org.feedback360.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.feedback360.e2e.BadInputCorpusIT.INJECTIONS;
import static org.feedback360.e2e.BadInputCorpusIT.jsonString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus for what raters and HR portals send beyond the directory: a rater's
 * submission (out-of-scale ratings, unknown items and fields, huge and control-character
 * comments, missing or broken idempotency keys), webhook subscriptions (URLs that point inside
 * the platform or are not URLs at all), and the query and path parameters of reports,
 * analytics, trends and the inbox. Every one gets a 4xx problem+json, none a 5xx, and afterwards
 * the rater has still submitted nothing and the portal has no new subscription.
 */
class RaterAndPortalBadInputIT {

    record Case(String name, String as, String method, String path, String contentType, String body,
                Map<String, String> headers) {
    }

    static Org org;
    static Review review;
    static String submissions;
    static String response;

    @BeforeAll
    static void aRaterWithAnOpenAssignment() {
        org = Org.inDemoTenant().person("BOSS", null).team("LEADER", "BOSS", 3).importAndProvision();
        review = Review.of(org).subjects("LEADER").open();
        Review.Assignment a = review.assignmentsOf("LEADER-R1").get(0);
        response = "/api/v1/me/assignments/" + a.assignmentId() + "/response";
        submissions = response + "/submissions";
    }

    static final String VALID_ANSWERS = "{\"trust-1\":4,\"trust-2\":3}";

    static String submission(String answers, String comments) {
        return "{\"answers\":" + answers + ",\"comments\":" + comments + "}";
    }

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        // Ratings outside the scale or of the wrong type.
        for (String v : List.of("0", "6", "-1", "3.5", "\"4\"", "true", "[]", "{}", "1e10", "99999999999999999999", "NaN")) {
            c.add(new Case("rating " + v, "rater", "POST", submissions, "application/json",
                    submission("{\"trust-1\":" + v + "}", "{}"), key));
        }
        // Items and questions the instrument does not have; fields only the platform may set.
        for (String answers : List.of("{\"nope-1\":3}", "{\"TRUST-1\":3}", "{\"\":3}", "{\"trust-1\":3,\"trust-1\":4}")) {
            c.add(new Case("unknown item " + answers, "rater", "POST", submissions, "application/json", submission(answers, "{}"), key));
        }
        for (String extra : List.of("\"group\":\"MANAGER\"", "\"rater\":\"E-1\"", "\"revision\":7", "\"tenant\":\"globex\"",
                "\"raterKey\":\"" + "a".repeat(64) + "\"", "\"submittedAt\":\"2020-01-01T00:00:00Z\"")) {
            c.add(new Case("submission field " + extra, "rater", "POST", submissions, "application/json",
                    "{\"answers\":" + VALID_ANSWERS + "," + extra + "}", key));
        }
        for (String comments : List.of("{\"hack\":\"x\"}", "{\"keep-doing\":5}", "{\"keep-doing\":[]}", "{\"keep-doing\":{}}",
                "{\"keep-doing\":\"" + "x".repeat(2001) + "\"}", "{\"keep-doing\":\"" + "x".repeat(2_000_000) + "\"}",
                "{\"keep-doing\":\"nul \\u0000 inside\"}", "{\"keep-doing\":\"bell \\u0007\"}", "[]", "\"text\"")) {
            c.add(new Case("comments " + comments.substring(0, Math.min(30, comments.length())), "rater", "POST", submissions,
                    "application/json", submission(VALID_ANSWERS, comments), key));
        }
        // A byte order mark before the JSON is not in the list: RFC 8259 lets parsers ignore it.
        for (String body : List.of("{", "[]", "null", "{\"answers\":", "{\"answers\":[1,2,3]}", "{\"answers\":\"all fives\"}",
                "{'answers':{}}", "{\"answers\":{}} trailing")) {
            c.add(new Case("malformed submission", "rater", "POST", submissions, "application/json", body, key));
            c.add(new Case("malformed draft", "rater", "PUT", response, "application/json", body, Map.of()));
        }
        c.add(new Case("nothing rated", "rater", "POST", submissions, "application/json", "{\"answers\":{}}", key));
        c.add(new Case("no idempotency key", "rater", "POST", submissions, "application/json", submission(VALID_ANSWERS, "{}"), Map.of()));
        c.add(new Case("blank idempotency key", "rater", "POST", submissions, "application/json", submission(VALID_ANSWERS, "{}"),
                Map.of("Idempotency-Key", " ")));
        c.add(new Case("long idempotency key", "rater", "POST", submissions, "application/json", submission(VALID_ANSWERS, "{}"),
                Map.of("Idempotency-Key", "k".repeat(5000))));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            c.add(new Case("submission as " + type, "rater", "POST", submissions, type, submission(VALID_ANSWERS, "{}"), key));
        }
        for (String p : List.of("/api/v1/me/assignments/not-a-uuid/response", "/api/v1/me/assignments/%2E%2E%2F%2E%2E/response",
                "/api/v1/me/assignments/" + UUID.randomUUID() + "/response", "/api/v1/me/assignments/%27%20OR%201%3D1/response")) {
            c.add(new Case("assignment path", "rater", "GET", p, null, null, Map.of()));
        }

        // Webhook subscriptions that must be refused, with the reason.
        List<String> urls = new ArrayList<>(List.of("not a url", "ftp://hr.example/x", "javascript:alert(1)",
                "file:///etc/passwd", "https://169.254.169.254/latest/meta-data", "https://10.0.0.7/hook", "https://192.168.1.1/hook",
                "https://localhost/hook", "https://[::1]/hook", "https://user:pw@hr.example/hook", "https://gateway:8080/api",
                "https://feedback-service/api", "https://keycloak/realms", "https://0.0.0.0/hook", "https://hr.example/" + "x".repeat(5000)));
        INJECTIONS.forEach(inj -> urls.add("https://hr.example/" + inj));
        for (String url : urls) {
            c.add(new Case("webhook url " + url.substring(0, Math.min(30, url.length())), "portal", "POST", "/api/v1/webhooks",
                    "application/json", "{\"url\":" + jsonString(url) + ",\"eventTypes\":[\"cycle.closed\"]}", Map.of()));
        }
        for (String body : List.of("{\"url\":\"https://hr.example/h\",\"eventTypes\":[]}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":[\"response.submitted\"]}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":\"cycle.closed\"}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":[1]}",
                "{\"url\":\"https://hr.example/h\"}", "{\"eventTypes\":[\"cycle.closed\"]}", "{\"url\":5,\"eventTypes\":[\"cycle.closed\"]}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":[\"cycle.closed\"],\"secret\":\"weak\"}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":[\"cycle.closed\"],\"tenant\":\"globex\"}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":[\"cycle.closed\"],\"status\":\"ACTIVE\",\"id\":\"x\"}",
                "{\"url\":\"https://hr.example/h\",\"eventTypes\":[\"cycle.closed\"],\"description\":\"" + "d".repeat(100_000) + "\"}",
                "{", "[]", "null")) {
            c.add(new Case("webhook body", "portal", "POST", "/api/v1/webhooks", "application/json", body, Map.of()));
        }
        c.add(new Case("webhook as text", "portal", "POST", "/api/v1/webhooks", "text/plain", "https://hr.example/h", Map.of()));
        for (String p : List.of("/api/v1/webhooks/not-a-uuid", "/api/v1/webhooks/" + UUID.randomUUID(),
                "/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries", "/api/v1/webhooks?page=-1", "/api/v1/webhooks?size=0",
                "/api/v1/webhooks?size=abc")) {
            c.add(new Case("webhook path " + p, "portal", "GET", p, null, null, Map.of()));
        }
        c.add(new Case("webhook patch unknown", "portal", "PATCH", "/api/v1/webhooks/" + UUID.randomUUID(), "application/json",
                "{\"status\":\"ACTIVE\"}", Map.of()));

        // Reports, analytics, trends and the inbox: parameters of the wrong shape.
        for (String p : List.of("/api/v1/reports?cycleId=not-a-uuid", "/api/v1/reports?page=-1", "/api/v1/reports?size=0",
                "/api/v1/reports?size=100000", "/api/v1/reports?page=abc", "/api/v1/reports/not-a-uuid/subjects/E-1",
                "/api/v1/reports/" + UUID.randomUUID() + "/subjects/" + "S".repeat(3000),
                "/api/v1/reports/" + UUID.randomUUID() + "/subjects/%27%20OR%20%271%27%3D%271",
                "/api/v1/analytics/cycles/not-a-uuid", "/api/v1/analytics/cycles/%2E%2E%2F%2E%2E%2Fq%2Fmetrics",
                "/api/v1/analytics/cycles/" + UUID.randomUUID(), "/api/v1/trends/subjects/%3Cscript%3E",
                "/api/v1/trends/subjects/" + "T".repeat(3000))) {
            c.add(new Case("scoring " + p.substring(0, Math.min(50, p.length())), "portal", "GET", p, null, null, Map.of()));
        }
        for (String p : List.of("/api/v1/me/inbox?page=-1", "/api/v1/me/inbox?size=0", "/api/v1/me/inbox?size=abc",
                "/api/v1/me/inbox?size=100000")) {
            c.add(new Case("inbox " + p, "rater", "GET", p, null, null, Map.of()));
        }
        c.add(new Case("inbox read not-a-uuid", "rater", "POST", "/api/v1/me/inbox/not-a-uuid/read", null, null, Map.of()));
        c.add(new Case("inbox read unknown", "rater", "POST", "/api/v1/me/inbox/" + UUID.randomUUID() + "/read", null, null, Map.of()));
        return c;
    }

    @Test
    void everyBadRequestIsRefusedWithAProblemAndLeavesNothingBehind() {
        long subscriptionsBefore = subscriptions();
        List<Case> corpus = corpus();
        List<String> failures = new ArrayList<>();
        for (Case k : corpus) {
            HttpResponse<String> r;
            try {
                r = send(k);
            } catch (java.io.UncheckedIOException noAnswer) {
                // Counted, not thrown: the summary must show what the whole corpus got.
                failures.add(k.name() + " " + k.method() + " " + k.path().substring(0, Math.min(80, k.path().length()))
                        + " -> " + noAnswer.getMessage());
                continue;
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                failures.add(k.name() + " " + k.method() + " " + k.path().substring(0, Math.min(80, k.path().length()))
                        + " -> " + r.statusCode() + " " + type + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        Summary.record("bad requests", corpus.size(), failures.size());
        failures.forEach(f -> System.out.println("bad input accepted or mishandled: " + f));
        assertTrue(corpus.size() >= 100, "corpus has " + corpus.size() + " cases");
        assertEquals(List.of(), failures);
        assertNull(org.as("LEADER-R1").get(response).then().statusCode(200).extract().path("submitted"),
                "the rater has still submitted nothing");
        assertEquals(subscriptionsBefore, subscriptions(), "no subscription was created");
    }

    static long subscriptions() {
        return Platform.asHrPortal().get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    static HttpResponse<String> send(Case k) {
        String token = k.as().equals("rater") ? org.token("LEADER-R1") : Platform.hrPortalToken();
        return RawHttp.send(k.method(), k.path(), token, k.contentType(), k.body(), k.headers());
    }
}
