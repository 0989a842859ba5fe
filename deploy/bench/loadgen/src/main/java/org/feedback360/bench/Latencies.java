package org.feedback360.bench;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies (HdrHistogram, microseconds) and outcome counts of one measurement. */
final class Latencies {

    private static final int LOGGED_FAILURES = 20;

    private final Recorder recorder = new Recorder(3);
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    void record(long micros, int status) {
        recorder.recordValue(Math.max(1, micros));
        outcomes.computeIfAbsent(String.valueOf(status), s -> new AtomicLong()).incrementAndGet();
    }

    /** Counted by its kind; the first few also go to the log with their message and time, to be traced in the services' logs. */
    void failed(Throwable why) {
        long count = outcomes.computeIfAbsent(why.getClass().getSimpleName(), s -> new AtomicLong()).incrementAndGet();
        if (count <= LOGGED_FAILURES) {
            System.err.printf("%s request failed: %s%n", Instant.now(), why);
        }
    }

    /** One JSON line for deploy/bench/run: rate, p50, p99 and p99.9 in ms, errors, CPU seconds used by this JVM. */
    String summary(String name, double seconds, double cpuSeconds, int okStatus) {
        Histogram h = recorder.getIntervalHistogram();
        long total = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
        long ok = outcomes.getOrDefault(String.valueOf(okStatus), new AtomicLong()).get();
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        return String.format(Locale.ROOT,
                "{\"measure\":\"%s\",\"requests\":%d,\"ok\":%d,\"errors\":%d,\"rate\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                        + "\"p999_ms\":%.2f,\"max_ms\":%.2f,\"client_cpu_s\":%.1f,\"outcomes\":\"%s\"}",
                name, total, ok, total - ok, ok / seconds, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                cpuSeconds, sorted);
    }
}
