package org.feedback360.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LagTest {

    @Test
    void eachAcknowledgementMeetsTheFirstStateThatCountsIt() {
        // S1 had 3 responses before the stream; two more acknowledged at 1.000 s and 1.010 s.
        List<Lag.Ack> acks = List.of(new Lag.Ack("S1", 1_010_000), new Lag.Ack("S1", 1_000_000));
        List<Lag.Observation> seen = List.of(
                new Lag.Observation("S1", 3, 500_000),     // the baseline row
                new Lag.Observation("S1", 5, 1_300_000),   // both applied in one batch
                new Lag.Observation("S2", 1, 1_200_000));  // another subject: ignored
        Lag.Result r = Lag.join(acks, Map.of("S1", 3L), seen);
        assertEquals(List.of(300_000L, 290_000L), r.lagsMicros());
        assertEquals(0, r.unapplied());
    }

    @Test
    void statesInBetweenCountOneByOne() {
        List<Lag.Ack> acks = List.of(new Lag.Ack("S1", 1_000_000), new Lag.Ack("S1", 2_000_000));
        List<Lag.Observation> seen = List.of(
                new Lag.Observation("S1", 2, 2_100_000), new Lag.Observation("S1", 1, 1_050_000));
        assertEquals(List.of(50_000L, 100_000L), Lag.join(acks, Map.of(), seen).lagsMicros());
    }

    @Test
    void anAcknowledgementNeverAppliedIsCountedNotDropped() {
        List<Lag.Ack> acks = List.of(new Lag.Ack("S1", 1_000_000), new Lag.Ack("S1", 2_000_000),
                new Lag.Ack("S3", 1_000_000));
        Lag.Result r = Lag.join(acks, Map.of(), List.of(new Lag.Observation("S1", 1, 1_020_000)));
        assertEquals(List.of(20_000L), r.lagsMicros());
        assertEquals(2, r.unapplied());
        // Two of three never seen: the median is unknown, not the one value seen.
        assertEquals("{\"measure\":\"lag\",\"acks\":3,\"seen\":1,\"unapplied\":2,\"p50_ms\":null,\"p99_ms\":null,"
                + "\"max_ms\":null,\"poll_ms\":100}", r.json(100));
    }

    @Test
    void nearestRankPercentiles() {
        List<Long> sorted = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertEquals(5, Lag.percentile(sorted, 50, 0));
        assertEquals(10, Lag.percentile(sorted, 99, 0));
        assertEquals(1, Lag.percentile(sorted, 1, 0));
        assertEquals(Lag.UNSEEN, Lag.percentile(sorted, 99, 1));
        assertEquals(Lag.UNSEEN, Lag.percentile(List.of(), 50, 0));
    }
}
