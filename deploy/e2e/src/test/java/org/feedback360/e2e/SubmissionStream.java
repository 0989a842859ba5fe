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

    /** Longer than the gateway's upstream timeout: an answer slower than this is a hang. */
    static final Duration HANG = Duration.ofSeconds(20);
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
        Instant t0 = Instant.now();
        try {
            String body = JSON.writeValueAsString(Map.of("answers", p.answers(), "comments", p.comments()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + review.submissionPath(p.assignment())))
                    .timeout(HANG)
                    .header("Authorization", "Bearer " + org.token(p.assignment().raterLabel()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", p.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            slowestMillis.accumulate(Duration.between(t0, Instant.now()).toMillis());
            count(String.valueOf(r.statusCode()));
            if (r.statusCode() == 201) {
                JsonNode ack = JSON.readTree(r.body());
                review.acknowledged(p.assignment(), p.answers(), p.comments(), ack.path("revision").asInt());
                acknowledged.incrementAndGet();
                return true;
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || r.statusCode() == 500 || r.body().contains("Exception")) {
                unclear.add(r.statusCode() + " " + type + " " + r.body());
            }
            if (r.statusCode() == 401) {
                org.forgetTokens(); // expired during a long outage: log in again
            }
            return false;
        } catch (HttpTimeoutException e) {
            count("hang");
            unclear.add("no answer within " + HANG);
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

    /** Answers that were neither a success nor a clear problem+json 4xx/503/504 (must be none). */
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
