package org.feedback360.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scoring lag per acknowledged submission: from the moment the client had the 201 to the moment
 * the subject's aggregate counted that submission.
 *
 * <p>scoring-service keeps one row per subject ({@code subject_aggregate}) with a running count of
 * the responses applied ({@code applied_events}) and {@code updated_at}, the wall clock when the row
 * was written. The stream watches those rows (see {@link AggregateWatch}). Per subject, the k-th
 * acknowledged submission of the stream is counted once {@code applied_events} reaches the count
 * before the stream plus k: events of one subject share a Kafka key and so are applied in the order
 * they were written. Its lag is that row state's {@code updated_at} minus the acknowledgement time.
 * The client notes the acknowledgement after reading the response, so a lag can come out slightly
 * negative when the client was slower to read than scoring was to apply.
 * {@code last_event_at} is no help here: it holds only the newest event's CloudEvents time, and
 * that time is stamped before the acknowledgement, not at it.
 */
final class Lag {

    private Lag() {
    }

    /** A submission acknowledged by the gateway (epoch microseconds). */
    record Ack(String subject, long ackMicros) {
    }

    /** A state of a subject's aggregate row as seen by the watch. */
    record Observation(String subject, long appliedEvents, long updatedAtMicros) {
    }

    /**
     * @param lagsMicros one per acknowledgement whose effect was seen, in no particular order
     * @param unapplied  acknowledgements whose effect was never seen while the watch ran
     */
    record Result(List<Long> lagsMicros, long unapplied) {

        String json(int pollMillis) {
            List<Long> sorted = new ArrayList<>(lagsMicros);
            sorted.sort(Comparator.naturalOrder());
            return String.format(Locale.ROOT,
                    "{\"measure\":\"lag\",\"acks\":%d,\"seen\":%d,\"unapplied\":%d,\"p50_ms\":%s,\"p99_ms\":%s,"
                            + "\"max_ms\":%s,\"poll_ms\":%d}",
                    sorted.size() + unapplied, sorted.size(), unapplied, ms(percentile(sorted, 50, unapplied)),
                    ms(percentile(sorted, 99, unapplied)), ms(percentile(sorted, 100, unapplied)), pollMillis);
        }
    }

    /** Percentile unknown: it falls among the acknowledgements whose effect was never seen. */
    static final long UNSEEN = Long.MIN_VALUE;

    /** Milliseconds as JSON, null for {@link #UNSEEN}. */
    private static String ms(long micros) {
        return micros == UNSEEN ? "null" : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /**
     * @param before the subjects' {@code applied_events} when the stream began (absent: no row yet, 0)
     * @param seen   every distinct row state the watch saw, in any order
     */
    static Result join(List<Ack> acks, Map<String, Long> before, List<Observation> seen) {
        Map<String, List<Observation>> bySubject = new HashMap<>();
        for (Observation o : seen) {
            bySubject.computeIfAbsent(o.subject(), s -> new ArrayList<>()).add(o);
        }
        bySubject.values().forEach(l -> l.sort(Comparator.comparingLong(Observation::appliedEvents)
                .thenComparingLong(Observation::updatedAtMicros)));
        Map<String, List<Ack>> acksBySubject = new HashMap<>();
        for (Ack a : acks) {
            acksBySubject.computeIfAbsent(a.subject(), s -> new ArrayList<>()).add(a);
        }
        List<Long> lags = new ArrayList<>(acks.size());
        long unapplied = 0;
        for (Map.Entry<String, List<Ack>> e : acksBySubject.entrySet()) {
            List<Ack> subjectAcks = e.getValue();
            subjectAcks.sort(Comparator.comparingLong(Ack::ackMicros));
            List<Observation> states = bySubject.getOrDefault(e.getKey(), List.of());
            long base = before.getOrDefault(e.getKey(), 0L);
            int next = 0;
            for (int k = 1; k <= subjectAcks.size(); k++) {
                while (next < states.size() && states.get(next).appliedEvents() < base + k) {
                    next++;
                }
                if (next == states.size()) {
                    unapplied += subjectAcks.size() - k + 1;
                    break;
                }
                lags.add(states.get(next).updatedAtMicros() - subjectAcks.get(k - 1).ackMicros());
            }
        }
        return new Result(lags, unapplied);
    }

    /**
     * Nearest-rank percentile of the sorted values, where {@code missing} further values are
     * larger than any of them (never seen: at least as late as the watch's end). {@link #UNSEEN} when
     * the rank falls among the missing ones: the percentile is then unknown, only "beyond the watch".
     */
    static long percentile(List<Long> sorted, double p, long missing) {
        long n = sorted.size() + missing;
        if (n == 0) {
            return UNSEEN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        return rank <= sorted.size() ? sorted.get((int) (rank - 1)) : UNSEEN;
    }
}
