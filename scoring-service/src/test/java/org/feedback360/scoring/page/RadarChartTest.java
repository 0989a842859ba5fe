package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RadarChartTest {

    static final RadarChart CHART = RadarChart.COMPACT;
    static final List<String> FOUR = List.of("North", "East", "South", "West");

    static RadarChart.SeriesInput series(ChartSeries series, Double... values) {
        return new RadarChart.SeriesInput(series, Arrays.asList(values));
    }

    @Test
    void scaleRunsFromTheCentreToTheOuterRingClockwiseFromTwelve() {
        assertEquals("0.0,-88.0", CHART.point(0, 4, 5).svg(), "top spoke, scale maximum");
        assertEquals("88.0,0.0", CHART.point(1, 4, 5).svg(), "second spoke points right");
        assertEquals("0.0,0.0", CHART.point(2, 4, 1).svg(), "scale minimum is the centre");
        assertEquals("0.0,44.0", CHART.point(2, 4, 3).svg(), "midpoint of the scale, half the radius");
        assertEquals("-44.0,0.0", CHART.point(3, 4, 3).svg());
    }

    @Test
    void everyPublishedValueMakesAClosedPolygon() {
        RadarChart.Layout layout = CHART.layout(FOUR, List.of(series(ChartSeries.SELF, 5.0, 3.0, 1.0, 5.0)));
        RadarChart.Shape shape = layout.shapes().get(0);
        assertTrue(shape.closed());
        assertEquals("0.0,-88.0 44.0,0.0 0.0,0.0 -88.0,0.0", shape.polygon());
        assertEquals(4, shape.dots().size());
        assertTrue(shape.polylines().isEmpty());
    }

    @Test
    void aWithheldValueOpensThePolygonAndIsNamedAtItsSpoke() {
        RadarChart.Layout layout = CHART.layout(FOUR, List.of(
                series(ChartSeries.SELF, 5.0, 5.0, 5.0, 5.0),
                series(ChartSeries.DIRECT_REPORTS, 5.0, null, 5.0, 5.0)));
        RadarChart.Shape followers = layout.shapes().get(1);
        assertFalse(followers.closed());
        assertNull(followers.polygon());
        // One run from the spoke after the gap round to the spoke before it: South, West, North.
        assertEquals(List.of("0.0,88.0 -88.0,0.0 0.0,-88.0"), followers.polylines());
        assertEquals(3, followers.dots().size());
        assertEquals(List.of(ChartSeries.DIRECT_REPORTS), layout.spokes().get(1).withheld());
        RadarChart.Spoke east = layout.spokes().get(1);
        assertEquals(1, east.notes().size());
        assertEquals(17.0, Double.parseDouble(east.notes().get(0).y()) - Double.parseDouble(east.noteY()), 1e-9,
                "the series named on the line under \"not shown:\"");
        assertTrue(layout.spokes().get(1).hasWithheld());
        assertFalse(layout.spokes().get(0).hasWithheld());
    }

    @Test
    void isolatedValuesGetADotAndNoLine() {
        RadarChart.Shape shape = CHART.layout(FOUR, List.of(series(ChartSeries.OTHERS, 4.0, null, 2.0, null)))
                .shapes().get(0);
        assertTrue(shape.polylines().isEmpty());
        assertEquals(2, shape.dots().size());
    }

    @Test
    void labelsSitOutsideTheWebAnchoredAwayFromIt() {
        RadarChart.Layout layout = CHART.layout(FOUR, List.of(series(ChartSeries.SELF, 3.0, 3.0, 3.0, 3.0)));
        assertEquals("middle", layout.spokes().get(0).anchor());
        assertEquals("start", layout.spokes().get(1).anchor());
        assertEquals("middle", layout.spokes().get(2).anchor());
        assertEquals("end", layout.spokes().get(3).anchor());
        assertTrue(Double.parseDouble(layout.spokes().get(0).lines().get(0).y()) < -88, "top label above the web");
        assertTrue(Double.parseDouble(layout.spokes().get(2).lines().get(0).y()) > 88, "bottom label below the web");
    }

    @Test
    void viewBoxHoldsEveryLabelAndCentresTheWeb() {
        RadarChart.Layout layout = CHART.layout(List.of("Trust", "Communication", "Recognition", "Empowerment",
                "Psychological safety", "Development"), List.of(series(ChartSeries.SELF, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0)));
        double[] box = Arrays.stream(layout.viewBox().split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(-box[0], box[0] + box[2], 0.05, "symmetric about the centre");
        for (RadarChart.Spoke spoke : layout.spokes()) {
            assertTrue(spoke.bounds().minX() >= box[0] && spoke.bounds().maxX() <= box[0] + box[2], spoke.lines().toString());
            assertTrue(spoke.bounds().minY() >= box[1] && spoke.bounds().maxY() <= box[1] + box[3], spoke.lines().toString());
        }
        // "Communication" at 14 units and 0.63 em a glyph needs 111 units right of the spoke end.
        assertTrue(box[2] / 2 >= 88 * Math.sin(Math.PI / 3) + 8 + 13 * 14 * 0.63, layout.viewBox());
    }

    @Test
    void longLabelsWrapAtWordBoundaries() {
        assertEquals(List.of("Psychological", "safety"), CHART.wrap("Psychological safety"));
        assertEquals(List.of("Leading by", "example"), CHART.wrap("Leading by example"));
        assertEquals(List.of("Fair and", "kind"), CHART.wrap("Fair and kind"));
        assertEquals(List.of("Fair and kind"), RadarChart.WIDE.wrap("Fair and kind"));
        assertEquals(List.of("Trust"), CHART.wrap("  Trust "));
    }

    @Test
    void ringsAreNumberedTwoToFive() {
        RadarChart.Layout layout = CHART.layout(FOUR, List.of(series(ChartSeries.SELF, 3.0, 3.0, 3.0, 3.0)));
        assertEquals(List.of(2, 3, 4, 5), layout.rings().stream().map(RadarChart.Ring::value).toList());
        assertEquals("0.0,-88.0 88.0,0.0 0.0,88.0 -88.0,0.0", layout.rings().get(3).points());
    }

    @Test
    void twoSpokesAreNoRadar() {
        assertThrows(IllegalArgumentException.class,
                () -> CHART.layout(List.of("A", "B"), List.of(series(ChartSeries.SELF, 3.0, 3.0))));
    }
}
