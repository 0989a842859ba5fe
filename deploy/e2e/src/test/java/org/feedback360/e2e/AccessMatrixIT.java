package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the public API (as the services' OpenAPI documents list them) × three
 * callers who must never see or touch the objects of a leader's released review: someone of
 * another tenant (as HR and as an employee), another employee of the same tenant, and a
 * person whose token carries no role. The path parameters name the real objects. No answer
 * may be a 5xx, no answer to them may be a 2xx on another's object, and no answer body may
 * contain anything that identifies those objects or their content.
 */
class AccessMatrixIT {

    static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    static final String PASSWORD = "e2e-Passw0rd";
    static final Set<String> SERVICES = Set.of("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083");

    static Org org;
    static Review review;
    /** The owner's objects, by path parameter (and by path prefix for {id}). */
    static final Map<String, String> objects = new LinkedHashMap<>();
    /** Strings that identify the owner's private objects or their content. */
    static final Set<String> secrets = new TreeSet<>();
    /** What also identifies them to someone of another tenant (directory entries, the cycle). */
    static final Set<String> tenantSecrets = new TreeSet<>();
    static final Map<String, String> callers = new LinkedHashMap<>();

    @BeforeAll
    static void aReleasedReviewAndItsObjects() {
        org = Org.inDemoTenant().person("MGR", null).team("LEAD", "MGR", 3).person("PEER1", "MGR")
                .person("PEER2", "MGR").person("NOMINEE", "LEAD-R1").person("OUTSIDER", "LEAD-R1").importAndProvision();
        Instrument instrument = Instrument.fetch("leader-follower", 1);
        String marker = "PRIVATE-" + org.run();
        review = Review.of(org).subjects("LEAD").open();
        String nomination = org.as("LEAD").contentType("application/json")
                .body(Map.of("peerEmployeeId", org.get("NOMINEE").employeeId()))
                .post("/api/v1/cycles/" + review.id() + "/nominations").then().statusCode(201).extract().path("id");
        Random random = new Random(7);
        for (String rater : List.of("LEAD", "MGR", "LEAD-R1", "LEAD-R2", "LEAD-R3", "PEER1", "PEER2")) {
            Review.Assignment a = review.assignmentsOf(rater).get(0);
            review.submit(a, instrument.randomAnswers(random), Map.of("keep-doing", marker + " from " + rater))
                    .then().statusCode(201);
            if (rater.equals("LEAD-R1")) {
                objects.put("assignmentId", a.assignmentId());
            }
            secrets.add(a.assignmentId());
        }
        review.close();
        review.release();
        String lead = org.get("LEAD").employeeId();
        review.awaitReport(org.as("LEAD"), lead, Duration.ofSeconds(90));

        String webhook = Platform.asHrPortal().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/" + marker, "eventTypes", List.of("report.published")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String inboxItem = firstInboxItem("LEAD", Duration.ofSeconds(60));

        objects.put("cycleId", review.id());
        objects.put("subjectId", lead);
        objects.put("employeeId", lead);
        objects.put("nominationId", nomination);
        objects.put("/api/v1/cycles/{id}", review.id());
        objects.put("/api/v1/webhooks/{id}", webhook);
        objects.put("/api/v1/me/inbox/{id}", inboxItem);
        objects.put("deliveryId", UUID.randomUUID().toString());
        secrets.addAll(List.of(marker, nomination, webhook, inboxItem));
        tenantSecrets.addAll(List.of(review.id(), lead, org.get("LEAD").email()));

        KeycloakAdmin.createUser("hr." + org.run() + "@globex.example", "globex", "G-HR-" + org.run(),
                List.of("hr-admin", "employee", "integration"), PASSWORD);
        KeycloakAdmin.createUser("emp." + org.run() + "@globex.example", "globex", "G-EMP-" + org.run(),
                List.of("employee"), PASSWORD);
        KeycloakAdmin.createUser("norole." + org.run() + "@acme.example", "acme", "E2E-NOROLE-" + org.run(),
                List.of(), PASSWORD);
        callers.put("other tenant's HR", Platform.passwordToken("hr." + org.run() + "@globex.example", PASSWORD));
        callers.put("other tenant's employee", Platform.passwordToken("emp." + org.run() + "@globex.example", PASSWORD));
        callers.put("another employee", org.token("OUTSIDER"));
        callers.put("no role", Platform.passwordToken("norole." + org.run() + "@acme.example", PASSWORD));
    }

    record Endpoint(String method, String path) {
    }

    /** The "your report is ready" item arrives in the inbox shortly after the report is published. */
    private static String firstInboxItem(String label, Duration timeout) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (true) {
            String id = org.as(label).get("/api/v1/me/inbox").then().statusCode(200).extract().path("items[0].id");
            if (id != null) {
                return id;
            }
            if (!Org.before(deadline)) {
                throw new AssertionError(label + " has no inbox item within " + timeout);
            }
            Org.sleep(Duration.ofMillis(500));
        }
    }

    @AfterAll
    static void removeTheSubscription() {
        String webhook = objects.get("/api/v1/webhooks/{id}");
        if (webhook != null) {
            Platform.asHrPortal().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
    }

    @Test
    void nobodyElseSeesOrTouchesTheReview() {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 30, "the public API as documented: " + endpoints);
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (Endpoint e : endpoints) {
            String path = concrete(e.path());
            for (var caller : callers.entrySet()) {
                RequestSpecification request = given().baseUri(Platform.GATEWAY).auth().oauth2(caller.getValue())
                        .contentType("application/json");
                Response r = switch (e.method()) {
                    case "get" -> request.get(path);
                    case "delete" -> request.delete(path);
                    case "post" -> request.body("{}").post(path);
                    case "put" -> request.body("{}").put(path);
                    case "patch" -> request.body("{}").patch(path);
                    default -> throw new IllegalStateException(e.method());
                };
                tried++;
                // A problem may echo what the caller put in the path ("Cycle … was not found"): that
                // tells them nothing they did not send, so only the rest of the body is searched.
                String body = withoutPathSegments(r.asString(), path);
                boolean othersObject = PARAM.matcher(e.path()).find();
                boolean otherTenant = caller.getKey().startsWith("other tenant");
                if (r.statusCode() >= 500) {
                    leaks.add(caller.getKey() + " " + e + " → " + r.statusCode());
                } else if (othersObject && r.statusCode() < 300 && !publicByDesign(e, caller.getKey())) {
                    leaks.add(caller.getKey() + " " + e + " → " + r.statusCode() + " on another's object");
                } else if (secrets.stream().anyMatch(body::contains)
                        || otherTenant && tenantSecrets.stream().anyMatch(body::contains)) {
                    leaks.add(caller.getKey() + " " + e + " → " + r.statusCode() + " body names the review: " + body);
                }
            }
        }
        leaks.forEach(l -> System.out.println("access matrix: " + l));
        Summary.record("access matrix (endpoint × caller): objects leaked", tried, leaks.size());
        assertEquals(List.of(), leaks);
        // The owner still can: the matrix did not pass because everything is simply broken.
        org.as("LEAD").get(review.reportPath(objects.get("subjectId"))).then().statusCode(200);
    }

    /**
     * Answers that are 2xx by design, though the path names the review's objects. Their bodies
     * are still searched for anything of the review.
     * <ul>
     * <li>Directory entries are visible to every employee of the same tenant.</li>
     * <li>The built-in instruments (the review uses one) are shared by every tenant.</li>
     * <li>A trend is HR's to ask for any employee id; for an id its tenant has no released report
     * of, the answer is an empty trend, the same whether the id exists elsewhere or nowhere.</li>
     * </ul>
     */
    private static boolean publicByDesign(Endpoint e, String caller) {
        if (!e.method().equals("get")) {
            return false;
        }
        return switch (e.path()) {
            case "/api/v1/people/{employeeId}" -> caller.equals("another employee");
            case "/api/v1/instruments/{key}/versions/{version}" -> true;
            case "/api/v1/trends/subjects/{subjectId}" -> caller.equals("other tenant's HR");
            default -> false;
        };
    }

    private static String withoutPathSegments(String body, String path) {
        String rest = body;
        for (String segment : path.split("/")) {
            if (segment.length() > 3) {
                rest = rest.replace(segment, "");
            }
        }
        return rest;
    }

    private static String concrete(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = template.substring(0, m.start());
            String value = objects.get(prefix + m.group());
            if (value == null) {
                value = objects.getOrDefault(m.group(1), switch (m.group(1)) {
                    case "key" -> "leader-follower";
                    case "version" -> "1";
                    default -> UUID.randomUUID().toString();
                });
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The union of the three services' OpenAPI documents, API paths only. */
    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (String service : new TreeSet<>(SERVICES)) {
            JsonPath doc = given().baseUri(service).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Object>> paths = doc.getMap("paths");
            paths.forEach((path, operations) -> {
                if (path.startsWith("/api/v1/")) {
                    operations.keySet().stream().filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                            .forEach(m -> all.add(new Endpoint(m, path)));
                }
            });
        }
        return all;
    }
}
