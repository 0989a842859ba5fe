package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the public API (as the services' OpenAPI documents list them) × four
 * callers who must never see or touch the objects of a leader's released review: someone of
 * another tenant (as HR and as an employee), another employee of the same tenant, and a
 * person whose token carries no role. The path parameters name the real objects. No answer
 * may be a 5xx; on another's object the answer must be 404 — or 403 where the caller lacks the
 * endpoint's role — and exactly the answer the same request gets for an object that does not
 * exist (a 409 on another tenant's cycle would prove that it exists); and no answer body may
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
    static final Map<String, Supplier<String>> callers = new LinkedHashMap<>();

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
        callers.put("other tenant's HR", login("hr." + org.run() + "@globex.example"));
        callers.put("other tenant's employee", login("emp." + org.run() + "@globex.example"));
        callers.put("another employee", () -> org.token("OUTSIDER"));
        callers.put("no role", login("norole." + org.run() + "@acme.example"));
    }

    /** A token renewed before it expires (see {@link Tokens}). */
    private static Supplier<String> login(String username) {
        return () -> Tokens.get("user:" + username, () -> Platform.passwordToken(username, PASSWORD));
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
        List<Endpoint> endpoints = new ArrayList<>(endpoints());
        assertTrue(endpoints.size() >= 30, "the public API as documented: " + endpoints);
        // Another tenant's HR upserting the owner's employee id creates that id in its own tenant,
        // after which it would rightly read it there: that request goes last.
        endpoints.sort(java.util.Comparator.comparing(e -> e.method().equals("put") && e.path().equals("/api/v1/people/{employeeId}")));
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (Endpoint e : endpoints) {
            String path = concrete(e.path(), objects);
            // The same request about objects that do not exist: what "not yours" must look like.
            String control = concrete(e.path(), Map.of());
            boolean othersObject = namesAnObject(e.path());
            for (var caller : callers.entrySet()) {
                Response r = send(e, path, caller.getValue().get());
                tried++;
                // A problem may echo what the caller put in the path ("Cycle … was not found"): that
                // tells them nothing they did not send, so only the rest of the body is searched.
                String body = withoutEchoes(r.asString(), path, validBody(e));
                boolean otherTenant = caller.getKey().startsWith("other tenant");
                String who = caller.getKey() + " " + e.method().toUpperCase() + " " + path;
                if (r.statusCode() >= 500) {
                    leaks.add(who + " → " + r.statusCode() + " " + r.asString());
                } else if (othersObject && !publicByDesign(e, caller.getKey())) {
                    Response nothing = send(e, control, caller.getValue().get());
                    String answer = r.statusCode() + " " + problemType(r);
                    String answerForNothing = nothing.statusCode() + " " + problemType(nothing);
                    boolean upsert = upsertInOwnTenant(e, caller.getKey());
                    if (r.statusCode() < 300 && !upsert) {
                        leaks.add(who + " → " + answer + " on another's object");
                    } else if (!upsert && r.statusCode() != 404 && r.statusCode() != 403) {
                        leaks.add(who + " → " + answer + ", not 404 (or 403 for a missing role): " + r.asString());
                    } else if (!answer.equals(answerForNothing)) {
                        leaks.add(who + " → " + answer + ", but " + answerForNothing + " for an object that does not exist"
                                + " (" + e.method().toUpperCase() + " " + control + "): the answer tells that it exists");
                    }
                }
                if (secrets.stream().anyMatch(body::contains)
                        || otherTenant && tenantSecrets.stream().anyMatch(body::contains)) {
                    leaks.add(who + " → " + r.statusCode() + " body names the review: " + body);
                }
            }
        }
        leaks.forEach(l -> System.out.println("access matrix: " + l));
        Summary.record("access matrix (endpoint × caller): objects leaked or their existence told", tried, leaks.size());
        assertEquals(List.of(), leaks);
        // The owner still can: the matrix did not pass because everything is simply broken.
        org.as("LEAD").get(review.reportPath(objects.get("subjectId"))).then().statusCode(200);
    }

    /**
     * Sends the request with a body that would be valid for the owner, so that the only thing
     * wrong with it is who sends it: a refusal for the body itself would say nothing about access.
     */
    private static Response send(Endpoint e, String path, String token) {
        RequestSpecification request = given().baseUri(Platform.GATEWAY).auth().oauth2(token);
        String body = validBody(e);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        if (e.path().endsWith("/response/submissions")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return switch (e.method()) {
            case "get" -> request.get(path);
            case "delete" -> request.delete(path);
            case "post" -> request.post(path);
            case "put" -> request.put(path);
            case "patch" -> request.patch(path);
            default -> throw new IllegalStateException(e.method());
        };
    }

    /** A body the endpoint accepts from the objects' owner, or null where it takes none. */
    private static String validBody(Endpoint e) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return switch (e.method() + " " + e.path()) {
            case "post /api/v1/cycles/{cycleId}/nominations" -> "{\"peerEmployeeId\":\"" + org.get("PEER1").employeeId() + "\"}";
            case "put /api/v1/cycles/{id}" -> "{\"name\":\"Access matrix\",\"instrument\":{\"key\":"
                    + "\"leader-follower\",\"version\":1},\"opensAt\":\"" + now.plusSeconds(86_400) + "\",\"closesAt\":\""
                    + now.plusSeconds(30 * 86_400) + "\",\"subjects\":[\"" + org.get("LEAD").employeeId() + "\"]}";
            case "put /api/v1/me/assignments/{assignmentId}/response" -> "{\"answers\":{\"trust-1\":3}}";
            case "post /api/v1/me/assignments/{assignmentId}/response/submissions" -> "{\"answers\":{\"trust-1\":3,\"trust-2\":4},\"comments\":{}}";
            case "put /api/v1/people/{employeeId}" -> "{\"name\":\"Access Matrix\",\"email\":\"matrix-"
                    + UUID.randomUUID().toString().substring(0, 8) + "@globex.example\",\"locale\":\"en\"}";
            case "patch /api/v1/webhooks/{id}" -> "{\"description\":\"changed by someone else\"}";
            default -> e.method().equals("put") || e.method().equals("patch") || e.path().equals("/api/v1/webhooks")
                    || e.path().equals("/api/v1/people/import") || e.path().equals("/api/v1/instruments") ? "{}" : null;
        };
    }

    /** Whether the path names an object of the review's owner (instrument keys and versions are shared by all). */
    private static boolean namesAnObject(String template) {
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            if (!m.group(1).equals("key") && !m.group(1).equals("version")) {
                return true;
            }
        }
        return false;
    }

    private static String problemType(Response r) {
        try {
            Object type = r.jsonPath().get("type");
            return type == null ? "(no type)" : type.toString();
        } catch (RuntimeException notJson) {
            return "(not a problem)";
        }
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

    /**
     * HR upserts people of its own tenant: for another tenant's HR the owner's employee id names a
     * person of the caller's tenant, created when missing. A 2xx is right there; the answer must
     * still equal the one for an id nobody has.
     */
    private static boolean upsertInOwnTenant(Endpoint e, String caller) {
        return caller.equals("other tenant's HR") && e.method().equals("put") && e.path().equals("/api/v1/people/{employeeId}");
    }

    /** The answer without what the caller sent itself: the path's segments and the string values of its body. */
    private static String withoutEchoes(String answer, String path, String requestBody) {
        List<String> sent = new ArrayList<>(List.of(path.split("/")));
        if (requestBody != null) {
            Matcher strings = Pattern.compile("\"([^\"]*)\"").matcher(requestBody);
            while (strings.find()) {
                sent.add(strings.group(1));
            }
        }
        String rest = answer;
        for (String s : sent) {
            if (s.length() > 3) {
                rest = rest.replace(s, "");
            }
        }
        return rest;
    }

    /** The path with the given objects filled in; parameters without one name something that does not exist. */
    private static String concrete(String template, Map<String, String> objects) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = template.substring(0, m.start());
            String value = objects.get(prefix + m.group());
            if (value == null) {
                value = objects.getOrDefault(m.group(1), switch (m.group(1)) {
                    case "key" -> "leader-follower";
                    case "version" -> "1";
                    case "employeeId", "subjectId" -> "E2E-NOBODY-" + UUID.randomUUID().toString().substring(0, 8);
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
