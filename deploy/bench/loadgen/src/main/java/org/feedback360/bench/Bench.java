package org.feedback360.bench;

import io.vertx.core.MultiMap;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's load generator, one phase per call (deploy/bench/run strings them together
 * and prints the table). Each measuring phase prints one JSON line on standard output.
 *
 * <pre>
 *   setup   [people]                     import the tenant, open a cycle, fetch every to-do list
 *   submit  clients seconds [warmup]     closed loop: the maximum submission rate, after warmup seconds unrecorded
 *   stream  rate seconds                 open loop at a fixed rate; writes each acknowledgement's time and,
 *                                        with BENCH_SCORING_DB set, prints the scoring lag (see {@link Lag})
 *   release                              close and release the cycle (reports are frozen)
 *   await-reports seconds                until every subject's report is frozen (or the time is up)
 *   read    rate seconds [warmup]        open loop: report reads as HR, after warmup seconds unrecorded
 *   seed-topic tenant responses          a large released tenant straight to Kafka (see {@link Seed})
 *   unregister-key                       remove the bench's signing key from the realm
 * </pre>
 */
public final class Bench {

    static final String GATEWAY = System.getenv().getOrDefault("BENCH_GATEWAY", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getenv().getOrDefault("BENCH_KEYCLOAK", "http://127.0.0.1:8180");
    static final Path STATE = Path.of(System.getenv().getOrDefault("BENCH_STATE", ".local/bench")).resolve("tenant.tsv");
    static final String TENANT = System.getenv().getOrDefault("BENCH_TENANT", "bench");
    static final String KAFKA = System.getenv().getOrDefault("BENCH_KAFKA", "127.0.0.1:9092");
    /** The scoring database (read-only use), for the lag; unset: the stream measures no lag. */
    static final String SCORING_DB = System.getenv("BENCH_SCORING_DB");
    static final Duration LAG_POLL = Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("BENCH_LAG_POLL_MS", "100")));

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            Http.shutdown();
        }
    }

    private static void run(String[] args) throws Exception {
        if (args[0].equals("seed-topic")) { // Kafka only: no gateway, no tokens
            System.out.println(Seed.run(KAFKA, args[1], Long.parseLong(args[2])));
            return;
        }
        if (args[0].equals("unregister-key")) { // the run's end: the realm stops trusting the bench key
            Tokens.unregister(KEYCLOAK);
            return;
        }
        Http gateway = new Http(GATEWAY);
        Tokens tokens = Tokens.register(KEYCLOAK);
        switch (args[0]) {
            case "setup" -> {
                int people = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
                Tenant t = Tenant.create(gateway, tokens, TENANT, people, STATE);
                System.out.printf("{\"measure\":\"setup\",\"people\":%d,\"subjects\":%d,\"assignments\":%d}%n", people,
                        t.subjects.size(), t.assignments.size());
            }
            case "submit" -> {
                int clients = Integer.parseInt(args[1]);
                Load.Call submit = submitter(gateway, tokens, Tenant.load(STATE), null);
                AtomicLong sequence = new AtomicLong();
                // Unrecorded first, the same calls: on two cores the services' JIT takes minutes to settle,
                // and a platform taking a deadline's burst has been running for days.
                Duration warmup = warmup(args);
                if (!warmup.isZero()) {
                    Load.closedLoop("submit-warmup", clients, warmup, submit, 201, sequence);
                }
                System.out.println(Load.closedLoop("submit", clients, Duration.ofSeconds(Long.parseLong(args[2])), submit, 201, sequence));
            }
            case "stream" -> stream(gateway, tokens, Double.parseDouble(args[1]), Duration.ofSeconds(Long.parseLong(args[2])));
            case "release" -> {
                Tenant t = Tenant.load(STATE);
                String hr = tokens.hrAdmin(t.tenant, "B-HR");
                gateway.post("/api/v1/cycles/" + t.cycleId + "/close", hr, "").expect(200);
                gateway.post("/api/v1/cycles/" + t.cycleId + "/release", hr, "").expect(200);
                System.out.println("{\"measure\":\"release\",\"cycle\":\"" + t.cycleId + "\"}");
            }
            case "await-reports" -> {
                Tenant t = Tenant.load(STATE);
                String hr = tokens.hrAdmin(t.tenant, "B-HR");
                long t0 = System.nanoTime();
                long deadline = t0 + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
                long frozen = 0;
                while (System.nanoTime() < deadline) {
                    frozen = gateway.get("/api/v1/reports?size=1&cycleId=" + t.cycleId, hr).expect(200).json()
                            .path("total").asLong();
                    if (frozen >= t.subjects.size()) {
                        break;
                    }
                    Load.sleepNanos(Duration.ofMillis(500).toNanos());
                }
                System.out.printf(java.util.Locale.ROOT, "{\"measure\":\"frozen\",\"reports\":%d,\"subjects\":%d,\"seconds\":%.1f}%n",
                        frozen, t.subjects.size(), (System.nanoTime() - t0) / 1e9);
            }
            case "read" -> {
                Tenant t = Tenant.load(STATE);
                String hr = tokens.hrAdmin(t.tenant, "B-HR");
                double rate = Double.parseDouble(args[1]);
                Load.Call read = seq -> {
                    String subject = t.subjects.get(ThreadLocalRandom.current().nextInt(t.subjects.size()));
                    return gateway.getAsync("/api/v1/reports/" + t.cycleId + "/subjects/" + subject, hr).thenApply(Http.Answer::status);
                };
                // Unrecorded first: this JVM's own JIT and connection set-up would otherwise take the
                // cores from the platform in the first seconds and show as the platform's tail.
                Duration warmup = warmup(args);
                if (!warmup.isZero()) {
                    Load.openLoop("read-warmup", rate, warmup, 64, read, 200);
                }
                System.out.println(Load.openLoop("read", rate, Duration.ofSeconds(Long.parseLong(args[2])), 64, read, 200));
            }
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }

    /** The optional warm-up of a measuring phase: its fourth argument, in seconds (none when absent). */
    private static Duration warmup(String[] args) {
        return Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 0);
    }

    /**
     * The open loop at a fixed rate. With the scoring database given, the aggregates of the cycle
     * are watched meanwhile: first until the backlog of the previous phase is applied (a true
     * baseline), then during the load, then until every acknowledged submission is applied or 60 s
     * passed; the lag is printed as a second JSON line. The states seen land in aggregates.tsv.
     */
    static void stream(Http gateway, Tokens tokens, double rate, Duration duration) throws Exception {
        Tenant t = Tenant.load(STATE);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.Call submit = submitter(gateway, tokens, t, lines);
        if (SCORING_DB == null) {
            System.out.println(Load.openLoop("stream", rate, duration, 64, submit, 201));
            Files.write(STATE.resolveSibling("acks.tsv"), lines);
            return;
        }
        try (AggregateWatch watch = new AggregateWatch(SCORING_DB, System.getenv().getOrDefault("BENCH_SCORING_USER", "scoring"),
                System.getenv().getOrDefault("BENCH_SCORING_PASSWORD", "scoring"), t.tenant, t.cycleId, LAG_POLL)) {
            if (!watch.awaitQuiet(Duration.ofSeconds(5), Duration.ofMinutes(5))) {
                note("scoring was still applying the previous phase's submissions after 5 minutes; the lag starts anyway");
            }
            Map<String, Long> before = watch.counts();
            watch.start();
            String result = Load.openLoop("stream", rate, duration, 64, submit, 201);
            List<Lag.Ack> acks = lines.stream().map(l -> l.split("\t"))
                    .map(f -> new Lag.Ack(f[1], Long.parseLong(f[4]) * 1000)).toList();
            Map<String, Long> targets = new HashMap<>();
            acks.forEach(a -> targets.merge(a.subject(), 1L, Long::sum));
            targets.replaceAll((subject, n) -> before.getOrDefault(subject, 0L) + n);
            watch.awaitCounts(targets, Duration.ofSeconds(60));
            List<Lag.Observation> seen = watch.stop();
            Files.write(STATE.resolveSibling("acks.tsv"), lines);
            Files.write(STATE.resolveSibling("aggregates.tsv"), seen.stream()
                    .map(o -> o.subject() + "\t" + o.appliedEvents() + "\t" + o.updatedAtMicros()).toList());
            System.out.println(result);
            System.out.println(Lag.join(acks, before, seen).json(watch.pollMillis()));
        }
    }

    /**
     * Submissions through the gateway, each rater with their own token: first submissions in
     * a shuffled order, then revisions (a new idempotency key each time). Every rater's token is
     * signed before the first call: signed on first use, in the open loop's sending thread, each new
     * rater's RSA signature (several ms) held up every request due after it, and the stream measured
     * the load generator's own backlog (p50 1.9 s at 59/s, 13.7 CPU-s of the client's in its minute).
     *
     * @param acks where to note "assignment, subject, revision, acknowledged at (epoch ms)", or null
     */
    static Load.Call submitter(Http gateway, Tokens tokens, Tenant t, List<String> acks) {
        List<Tenant.Assignment> order = new ArrayList<>(t.assignments);
        java.util.Collections.shuffle(order, new Random(42));
        order.stream().map(Tenant.Assignment::raterId).distinct().toList().parallelStream()
                .forEach(rater -> tokens.employee(t.tenant, rater));
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
            return gateway.postAsync("/api/v1/me/assignments/" + a.assignmentId() + "/response/submissions",
                            tokens.employee(t.tenant, a.raterId()), body,
                            MultiMap.caseInsensitiveMultiMap().set("Idempotency-Key", UUID.randomUUID().toString()))
                    .thenApply(answer -> {
                        if (acks != null && answer.status() == 201) {
                            long acked = System.currentTimeMillis(); // before parsing the body: the acknowledgement is in
                            acks.add(a.assignmentId() + "\t" + a.subjectId() + "\t" + a.raterId() + "\t"
                                    + answer.json().path("revision").asInt() + "\t" + acked);
                        }
                        return answer.status();
                    });
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
