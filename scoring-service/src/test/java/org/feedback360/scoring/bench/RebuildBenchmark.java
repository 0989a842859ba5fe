package org.feedback360.scoring.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.feedback360.scoring.ScoringMain;
import org.feedback360.scoring.rebuild.Rebuild;
import org.feedback360.scoring.rebuild.RebuildSummary;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

/**
 * Rebuild from the topic versus a plain consumer reading the same topic. Not part of the test
 * suite (no *Test name); run it with
 * {@code mvn -pl scoring-service test -Dtest=RebuildBenchmark -Dbench.events=1000000 [-Dbench.release=true]}.
 * The data set is produced once onto topics of its own (scoring-bench.*) and reused by later runs.
 */
@QuarkusTest
@TestProfile(RebuildBenchmark.Profile.class)
class RebuildBenchmark {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(ScoringMain.COMMAND_SETTINGS);
            config.put("quarkus.http.host-enabled", "true"); // the test harness wants its port
            config.put("scoring.topics.cycles", BenchData.CYCLES);
            config.put("scoring.topics.responses", BenchData.RESPONSES);
            return config;
        }
    }

    @Inject
    Rebuild rebuild;

    @Test
    void rebuildFromTheTopicAgainstAPlainConsumer() throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        boolean release = Boolean.parseBoolean(System.getProperty("bench.release", "true"));
        BenchData.createTopics();
        long existing = BenchData.records(BenchData.RESPONSES);
        System.out.printf("bench: %d responses on %s%n", existing, BenchData.RESPONSES);
        if (existing != events) {
            if (existing > 0) {
                BenchData.recreateTopics();
            }
            long t0 = System.nanoTime();
            BenchData.produce(events, release);
            System.out.printf("bench: produced %d responses in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
        }
        long[] warm = BenchData.plainRead(BenchData.CYCLES, BenchData.RESPONSES); // page cache and JIT, as for the rebuild
        long cpu0 = cpuNanos();
        long[] plain = BenchData.plainRead(BenchData.CYCLES, BenchData.RESPONSES);
        long cpu1 = cpuNanos();
        RebuildSummary fresh = rebuild.fromTopic(null);    // into an empty state: everything is written
        long cpu2 = cpuNanos();
        RebuildSummary again = rebuild.fromTopic(null);    // over the state it wrote: everything compared, nothing written
        long cpu3 = cpuNanos();
        long[] cpu = {cpu1 - cpu0, cpu2 - cpu1, cpu3 - cpu2};
        double plainRate = plain[0] * 1000.0 / Math.max(1, plain[1]);
        System.out.printf("%nbench | records | seconds | records/s | of plain | JVM CPU s%n");
        System.out.printf("plain consumer (bytes, no work) | %d | %.1f | %.0f | 100 %% | %.1f%n", plain[0], plain[1] / 1000.0,
                plainRate, cpu[0] / 1e9);
        for (RebuildSummary r : new RebuildSummary[] {fresh, again}) {
            System.out.printf("rebuild from topic, %s (%d subjects; %d aggregates, %d reports written) | %d | %.1f | %.0f | %.0f %% | %.1f%n",
                    r == fresh ? "empty state" : "same state", r.subjects(), r.aggregatesChanged(), r.reportsChanged(),
                    r.recordsRead(), r.totalMillis() / 1000.0, r.recordsPerSecond(), 100 * r.recordsPerSecond() / plainRate,
                    cpu[r == fresh ? 1 : 2] / 1e9);
            System.out.printf("  reading and replaying %.1f s, writing %.1f s (overlaps computing)%n",
                    r.readMillis() / 1000.0, r.writeMillis() / 1000.0);
        }
        System.out.printf("required: at least 30 %% of plain; load average during the run: %s%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("warm-up read: " + warm[0] + " records in " + warm[1] + " ms");
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
