package org.feedback360.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A steady stream of first submissions, one per assignment, the way a well-behaved mobile app
 * sends them: each assignment's answers and idempotency key are fixed up front, and a
 * submission that fails is retried later with the same key until the platform acknowledges it.
 * It records how every attempt was answered, so a fault test can require that clients only
 * ever saw success or a fast, clear problem — never a hang, a 500 or a stack trace.
 */
final class SubmissionStream {

    /**
     * The slowest answer the gateway may give: its connect timeout (2 s) plus its upstream
     * timeout (10 s, gateway {@code RouteConfig}) until it must answer 504, plus 3 s for the
     * gateway, the machine and this client. Anything slower is a hang the timeouts failed to cut.
     */
    static final Duration UPPER_BOUND = Duration.ofSeconds(2 + 10 + 3);
    /** The client gives up later than the bound, so a slow answer is measured rather than cut off. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    private record Planned(Review.Assignment assignment, Map<String, Integer> answers, Map<String, String> comments,
                           String key) {
    }

    private final Review review;
    private final Org org;
    private final ConcurrentLinkedQueue<Planned> pending = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> answers = Collections.synchronizedMap(new TreeMap<>());
    private final List<String> unclear = Collections.synchronizedList(new ArrayList<>());
    private final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();

    SubmissionStream(Review review, Org org, Instrument instrument, List<Review.Assignment> assignments, long seed) {
        this.review = review;
        this.org = org;
        Random random = new Random(seed);
        List<Review.Assignment> shuffled = new ArrayList<>(assignments);
        Collections.shuffle(shuffled, random);
        for (Review.Assignment a : shuffled) {
            pending.add(new Planned(a, instrument.randomAnswers(random),
                    Map.of("keep-doing", "Keeps the team focused (" + a.raterLabel() + ")"), UUID.randomUUID().toString()));
        }
    }

    /**
     * Sends the planned submissions at about {@code perSecond}, with {@code workers} clients in
     * parallel, until every one is acknowledged or {@code deadline} passes.
     */
    void run(double perSecond, int workers, Instant deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long pauseNanos = (long) (workers * 1e9 / perSecond);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(() -> {
                Planned next;
                while (Org.before(deadline) && (next = pending.poll()) != null) {
                    long started = System.nanoTime();
                    if (!attempt(next)) {
                        pending.add(next); // the same key again, later: the app's retry
                    }
                    long rest = pauseNanos - (System.nanoTime() - started);
                    if (rest > 0) {
                        Org.sleep(Duration.ofNanos(rest));
                    }
                }
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : done) {
                f.get();
            }
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean attempt(Planned p) {
        attempts.incrementAndGet();
        Instant t0 = Instant.now();
        try {
            String body = JSON.writeValueAsString(Map.of("answers", p.answers(), "comments", p.comments()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + review.submissionPath(p.assignment())))
                    .timeout(CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + org.token(p.assignment().raterLabel()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", p.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = Duration.between(t0, Instant.now()).toMillis();
            slowestMillis.accumulate(millis);
            String outcome = outcome(r);
            count(outcome);
            if (millis > UPPER_BOUND.toMillis()) {
                unclear.add(outcome + " after " + millis + " ms, beyond the gateway's bound of " + UPPER_BOUND);
            }
            if (r.statusCode() == 201) {
                JsonNode ack = JSON.readTree(r.body());
                review.acknowledged(p.assignment(), p.answers(), p.comments(), ack.path("revision").asInt());
                acknowledged.incrementAndGet();
                return true;
            }
            String why = unclearBecause(r);
            if (why != null) {
                unclear.add(why + ": " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " "
                        + r.body());
            }
            return false;
        } catch (HttpTimeoutException e) {
            count("hang");
            unclear.add("no answer within " + CLIENT_TIMEOUT);
            return false;
        } catch (IOException e) {
            // The gateway itself is not down in any scenario: a refused connection is unclear too.
            count("io-error");
            unclear.add("I/O error " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** "201", or the status with the problem type's last segment and whether Retry-After came with it. */
    private static String outcome(HttpResponse<String> r) {
        if (r.statusCode() < 300) {
            return String.valueOf(r.statusCode());
        }
        String type = problemType(r);
        return r.statusCode() + " " + (type == null ? "(no problem type)" : type.substring(type.lastIndexOf('/') + 1))
                + (r.headers().firstValue("Retry-After").isPresent() ? " +Retry-After" : "");
    }

    /**
     * Why a non-success answer leaves the client unsure what to do, or null when it is clear: a
     * 4xx problem+json for its own request (but never 401: the token is always fresh, see
     * {@link Tokens}), a 503 problem+json with Retry-After (try again then, nothing was changed), or
     * a 504 problem+json (the gateway gave up waiting; the same idempotency key makes a retry safe).
     * Anything else — a 500, a 502, a 503 that does not say when to come back, a body that is not a
     * problem or names an exception — is unclear.
     */
    static String unclearBecause(HttpResponse<String> r) {
        int status = r.statusCode();
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json") || problemType(r) == null) {
            return "not a problem+json";
        }
        if (r.body().contains("Exception") || r.body().contains("\tat ")) {
            return "names an exception";
        }
        if (status == 401) {
            return "a fresh token refused";
        }
        if (status < 500) {
            return null;
        }
        if (status == 503) {
            return r.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).isPresent()
                    ? null : "503 without Retry-After seconds";
        }
        return status == 504 ? null : "a " + status + " is no answer a client can act on";
    }

    /** The problem's {@code type}, or null when the body is no problem document with a matching status. */
    private static String problemType(HttpResponse<String> r) {
        try {
            JsonNode problem = JSON.readTree(r.body());
            return problem.path("status").asInt() == r.statusCode() && problem.path("type").isTextual()
                    ? problem.path("type").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void count(String outcome) {
        answers.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    boolean finished() {
        return pending.isEmpty();
    }

    int remaining() {
        return pending.size();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** Every request sent, retries included. */
    long attempts() {
        return attempts.get();
    }

    /** Answers that were slow, or neither a success nor a clear problem (must be none). */
    List<String> unclearAnswers() {
        return List.copyOf(unclear);
    }

    long slowestMillis() {
        return slowestMillis.get();
    }

    String outcomes() {
        return answers.toString();
    }
}
