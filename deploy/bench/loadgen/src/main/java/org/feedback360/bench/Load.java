package org.feedback360.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives requests either closed-loop (N clients, each sending its next request when the last
 * one was answered: the maximum rate) or open-loop at a fixed rate (requests are due on a
 * schedule whether or not earlier ones were answered, and latency is measured from when a
 * request was due, so a stall is not hidden by the client waiting: no coordinated omission).
 */
final class Load {

    interface Call {
        /** @return the HTTP status, when answered */
        CompletionStage<Integer> send(long sequence);
    }

    static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    static String closedLoop(String name, int clients, Duration duration, Call call, int okStatus) {
        return closedLoop(name, clients, duration, call, okStatus, new AtomicLong());
    }

    /** @param sequence numbers the calls: shared by a warm-up and the measured loop, the latter goes on where the former stopped */
    static String closedLoop(String name, int clients, Duration duration, Call call, int okStatus, AtomicLong sequence) {
        Latencies lat = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        int status = call.send(sequence.getAndIncrement()).toCompletableFuture().get();
                        lat.record((System.nanoTime() - start) / 1000, status);
                    } catch (ExecutionException e) {
                        lat.failed(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        Tenant.await(done);
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return lat.summary(name, seconds, processCpuSeconds() - cpu0, okStatus);
    }

    /**
     * @param maxInFlight requests sent and not yet answered, at most: when as many wait, the schedule
     *                    waits too (and the late requests' latency, measured from when they were due, shows it)
     */
    static String openLoop(String name, double perSecond, Duration duration, int maxInFlight, Call call, int okStatus) {
        Latencies lat = new Latencies();
        long interval = (long) (1e9 / perSecond);
        long count = (long) (perSecond * duration.toSeconds());
        Semaphore inFlight = new Semaphore(maxInFlight);
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        // Sent from this thread when due; answered on the client's event loop, without a thread per request.
        for (long i = 0; i < count; i++) {
            long due = t0 + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            call.send(i).whenComplete((status, e) -> {
                try {
                    if (e == null) {
                        lat.record((System.nanoTime() - due) / 1000, status);
                    } else {
                        lat.failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquireUninterruptibly(maxInFlight); // every answer is in
        double seconds = (System.nanoTime() - t0) / 1e9;
        return lat.summary(name, seconds, processCpuSeconds() - cpu0, okStatus);
    }

    static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
