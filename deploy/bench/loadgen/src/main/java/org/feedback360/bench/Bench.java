package org.feedback360.bench;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's load generator, one phase per call (deploy/bench/run strings them together
 * and prints the table). Each measuring phase prints one JSON line on standard output.
 *
 * <pre>
 *   setup   [people]                     import the tenant, open a cycle, fetch every to-do list
 *   submit  clients seconds              closed loop: the maximum submission rate
 *   stream  rate seconds                 open loop at a fixed rate; writes each acknowledgement's time
 *   release                              close and release the cycle (reports are frozen)
 *   read    rate seconds                 open loop: report reads as HR
 * </pre>
 */
public final class Bench {

    static final String GATEWAY = System.getenv().getOrDefault("BENCH_GATEWAY", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getenv().getOrDefault("BENCH_KEYCLOAK", "http://127.0.0.1:8180");
    static final Path STATE = Path.of(System.getenv().getOrDefault("BENCH_STATE", ".local/bench")).resolve("tenant.tsv");
    static final String TENANT = System.getenv().getOrDefault("BENCH_TENANT", "bench");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Http gateway = new Http(GATEWAY);
        Tokens tokens = Tokens.register(KEYCLOAK);
        switch (args[0]) {
            case "setup" -> {
                int people = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
                Tenant t = Tenant.create(gateway, tokens, TENANT, people, STATE);
                System.out.printf("{\"measure\":\"setup\",\"people\":%d,\"subjects\":%d,\"assignments\":%d}%n", people,
                        t.subjects.size(), t.assignments.size());
            }
            case "submit" -> System.out.println(Load.closedLoop("submit", Integer.parseInt(args[1]),
                    Duration.ofSeconds(Long.parseLong(args[2])), submitter(gateway, tokens, Tenant.load(STATE), null), 201));
            case "stream" -> {
                Path acks = STATE.resolveSibling("acks.tsv");
                List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
                String result = Load.openLoop("stream", Double.parseDouble(args[1]),
                        Duration.ofSeconds(Long.parseLong(args[2])), 64,
                        submitter(gateway, tokens, Tenant.load(STATE), lines), 201);
                Files.write(acks, lines);
                System.out.println(result);
            }
            case "release" -> {
                Tenant t = Tenant.load(STATE);
                String hr = tokens.hrAdmin(t.tenant, "B-HR");
                gateway.post("/api/v1/cycles/" + t.cycleId + "/close", hr, "").expect(200);
                gateway.post("/api/v1/cycles/" + t.cycleId + "/release", hr, "").expect(200);
                System.out.println("{\"measure\":\"release\",\"cycle\":\"" + t.cycleId + "\"}");
            }
            case "read" -> {
                Tenant t = Tenant.load(STATE);
                String hr = tokens.hrAdmin(t.tenant, "B-HR");
                System.out.println(Load.openLoop("read", Double.parseDouble(args[1]), Duration.ofSeconds(Long.parseLong(args[2])),
                        64, seq -> {
                            String subject = t.subjects.get(ThreadLocalRandom.current().nextInt(t.subjects.size()));
                            return gateway.get("/api/v1/reports/" + t.cycleId + "/subjects/" + subject, hr).status();
                        }, 200));
            }
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }

    /**
     * Submissions through the gateway, each rater with their own token: first submissions in
     * a shuffled order, then revisions (a new idempotency key each time).
     *
     * @param acks where to note "assignment, subject, revision, acknowledged at (epoch ms)", or null
     */
    static Load.Call submitter(Http gateway, Tokens tokens, Tenant t, List<String> acks) {
        List<Tenant.Assignment> order = new ArrayList<>(t.assignments);
        java.util.Collections.shuffle(order, new Random(42));
        List<String> items = leaderFollowerItems();
        return seq -> {
            Tenant.Assignment a = order.get((int) (seq % order.size()));
            Map<String, Integer> answers = new HashMap<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (String item : items) {
                answers.put(item, 1 + random.nextInt(5));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("answers", answers);
            body.put("comments", Map.of("keep-doing", "Clear priorities every week."));
            HttpRequest request = gateway.request("/api/v1/me/assignments/" + a.assignmentId() + "/response/submissions",
                            tokens.employee(t.tenant, a.raterId()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(Http.write(body))).build();
            Http.Answer answer = gateway.send(request);
            if (acks != null && answer.status() == 201) {
                acks.add(a.assignmentId() + "\t" + a.subjectId() + "\t" + a.raterId() + "\t"
                        + answer.json().path("revision").asInt() + "\t" + System.currentTimeMillis());
            }
            return answer.status();
        };
    }

    /** The default instrument's 33 items (11 dimensions × 3), as feedback-service defines them. */
    static List<String> leaderFollowerItems() {
        List<String> items = new ArrayList<>();
        for (String d : List.of("trust", "communication", "presence", "recognition", "empowerment", "fairness",
                "psychological-safety", "inclusion", "leading-by-example", "development", "commitment")) {
            for (int i = 1; i <= 3; i++) {
                items.add(d + "-" + i);
            }
        }
        return items;
    }

    static void note(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }

}
