package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One review cycle driven through the gateway as HR and the raters do it, remembering every
 * submission the platform acknowledged — the ground truth a test compares reports against.
 */
public final class Review {

    /** One rater's assignment about one subject. */
    public record Assignment(String raterLabel, String assignmentId, String subjectId, String group) {
    }

    /** A submission the platform acknowledged (201), as it was sent. */
    public record Acknowledged(Assignment assignment, Map<String, Integer> answers, Map<String, String> comments,
                               int revision) {
    }

    private final Org org;
    private final Supplier<RequestSpecification> hr;
    private final String id;
    private final Map<String, Acknowledged> latest = new ConcurrentHashMap<>();

    private Review(Org org, Supplier<RequestSpecification> hr, String id) {
        this.org = org;
        this.hr = hr;
        this.id = id;
    }

    public static Builder of(Org org) {
        return new Builder(org);
    }

    public static final class Builder {
        private final Org org;
        private Supplier<RequestSpecification> hr = Platform::asHrPortal;
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final List<String> subjects = new ArrayList<>();

        private Builder(Org org) {
            this.org = org;
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            body.put("name", "E2E " + org.run() + " " + UUID.randomUUID().toString().substring(0, 4));
            body.put("instrument", Map.of("key", "leader-follower", "version", 1));
            body.put("opensAt", now.toString());
            body.put("closesAt", now.plus(Duration.ofDays(14)).toString());
            body.put("reminders", List.of("P1D"));
        }

        public Builder subjects(String... labels) {
            for (String label : labels) {
                subjects.add(org.get(label).employeeId());
            }
            return this;
        }

        public Builder name(String name) {
            body.put("name", name);
            return this;
        }

        public Builder anonymityThreshold(int k) {
            body.put("anonymityThreshold", k);
            return this;
        }

        public Builder managerVisible(boolean visible) {
            body.put("managerVisible", visible);
            return this;
        }

        public Builder instrument(String key, int version) {
            body.put("instrument", Map.of("key", key, "version", version));
            return this;
        }

        /** Closes soon, with a reminder due in a few seconds, so a test can watch reminders go out. */
        public Builder closingIn(Duration closesIn, String... reminders) {
            body.put("closesAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(closesIn).toString());
            body.put("reminders", List.of(reminders));
            return this;
        }

        public Builder as(Supplier<RequestSpecification> hrRequest) {
            this.hr = hrRequest;
            return this;
        }

        /** Creates the cycle as HR (DRAFT) and opens it. */
        public Review open() {
            body.put("subjects", subjects);
            String id = hr.get().contentType("application/json").body(body).post("/api/v1/cycles")
                    .then().statusCode(201).extract().path("id");
            hr.get().post("/api/v1/cycles/" + id + "/open").then().statusCode(200);
            return new Review(org, hr, id);
        }
    }

    public String id() {
        return id;
    }

    /** The rater's to-do list entries of this cycle. */
    public List<Assignment> assignmentsOf(String raterLabel) {
        List<Map<String, Object>> todo = org.as(raterLabel).get("/api/v1/me/assignments").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.cycleId == '" + id + "' }");
        return todo.stream().map(a -> new Assignment(raterLabel, (String) a.get("assignmentId"),
                (String) a.get("subjectEmployeeId"), (String) a.get("group"))).toList();
    }

    /** Every assignment of every person of the org in this cycle. */
    public List<Assignment> allAssignments() {
        List<Assignment> all = new ArrayList<>();
        for (Org.Person p : org.people()) {
            all.addAll(assignmentsOf(p.label()));
        }
        return all;
    }

    public Optional<Assignment> assignment(String raterLabel, String subjectLabel) {
        String subject = org.get(subjectLabel).employeeId();
        return assignmentsOf(raterLabel).stream().filter(a -> a.subjectId().equals(subject)).findFirst();
    }

    /**
     * Submits with a fresh idempotency key and records it when the platform acknowledges it.
     *
     * @return the HTTP answer, whatever it was (fault tests count errors)
     */
    public Response submit(Assignment a, Map<String, Integer> answers, Map<String, String> comments) {
        return submit(a, answers, comments, UUID.randomUUID().toString());
    }

    public Response submit(Assignment a, Map<String, Integer> answers, Map<String, String> comments, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("comments", comments);
        Response r = org.as(a.raterLabel()).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/me/assignments/" + a.assignmentId() + "/response/submissions");
        if (r.statusCode() == 201) {
            acknowledged(a, answers, comments, r.jsonPath().getInt("revision"));
        }
        return r;
    }

    /** Records a submission the platform acknowledged; a later revision replaces an earlier one. */
    public void acknowledged(Assignment a, Map<String, Integer> answers, Map<String, String> comments, int revision) {
        latest.merge(a.assignmentId(), new Acknowledged(a, answers, comments, revision),
                (old, now) -> now.revision() > old.revision() ? now : old);
    }

    public String submissionPath(Assignment a) {
        return "/api/v1/me/assignments/" + a.assignmentId() + "/response/submissions";
    }

    /** The latest acknowledged submission of every assignment: what the reports must count, once each. */
    public List<Acknowledged> acknowledged() {
        return List.copyOf(latest.values());
    }

    public List<Acknowledged> acknowledgedAbout(String subjectId) {
        return latest.values().stream().filter(s -> s.assignment().subjectId().equals(subjectId)).toList();
    }

    public JsonPath progress() {
        return hr.get().get("/api/v1/cycles/" + id + "/progress").then().statusCode(200).extract().jsonPath();
    }

    public void close() {
        hr.get().post("/api/v1/cycles/" + id + "/close").then().statusCode(200);
    }

    public void release() {
        hr.get().post("/api/v1/cycles/" + id + "/release").then().statusCode(200);
    }

    public String reportPath(String subjectId) {
        return "/api/v1/reports/" + id + "/subjects/" + subjectId;
    }

    /**
     * Waits until scoring-service serves the released report of the subject (it freezes each
     * report once every acknowledged submission has reached it).
     */
    public JsonPath awaitReport(RequestSpecification reader, String subjectId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Response last = null;
        while (Org.before(deadline)) {
            last = reader.get(reportPath(subjectId));
            if (last.statusCode() == 200) {
                return last.jsonPath();
            }
            Org.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("no report for " + subjectId + " within " + timeout + "; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.asString()));
    }
}
