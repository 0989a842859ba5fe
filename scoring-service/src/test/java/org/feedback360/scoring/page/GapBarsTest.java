package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapBarsTest {

    @Test
    void extentIsTheSmallestWholePointThatHoldsTheLargestGap() {
        assertEquals(2, GapBars.of(Arrays.asList(0.5, -1.67, null)).extent());
        assertEquals(1, GapBars.of(List.of(0.2)).extent());
        assertEquals(1, GapBars.of(List.of(1.0)).extent(), "exactly one point fits in one");
        assertEquals(4, GapBars.of(List.of(3.9)).extent());
        assertEquals(4, GapBars.of(List.of(-4.0)).extent(), "at most A − 1 = 4");
        assertEquals(1, GapBars.of(Arrays.asList(null, null)).extent(), "all withheld");
    }

    @Test
    void zeroIsTheMiddleOfTheTrack() {
        GapBars bars = GapBars.of(List.of(2.0));
        assertEquals(50.0, bars.position(0), 1e-9);
        assertEquals(100.0, bars.position(2), 1e-9);
        assertEquals(0.0, bars.position(-2), 1e-9);
        assertEquals(100.0, bars.position(7), 1e-9, "clamped");
    }

    @Test
    void barsGrowFromZeroRightForSelfAboveFollowersLeftForBelow() {
        GapBars bars = GapBars.of(List.of(1.0, -1.5));
        GapBars.Bar above = bars.bar(1.0);
        assertEquals(50.0, above.x(), 1e-9);
        assertEquals(25.0, above.width(), 1e-9);
        assertTrue(above.positive());
        GapBars.Bar below = bars.bar(-1.5);
        assertEquals(12.5, below.x(), 1e-9);
        assertEquals(37.5, below.width(), 1e-9);
        assertFalse(below.positive());
        assertEquals(0.0, bars.bar(0).width(), 1e-9);
    }

    @Test
    void oneTickPerWholePoint() {
        List<GapBars.Tick> ticks = GapBars.of(List.of(-1.2)).ticks();
        assertEquals(List.of(-2, -1, 0, 1, 2), ticks.stream().map(GapBars.Tick::value).toList());
        assertEquals(List.of(0.0, 25.0, 50.0, 75.0, 100.0), ticks.stream().map(GapBars.Tick::x).toList());
    }
}
