package org.feedback360.scoring.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of a radar chart on the rating scale, in SVG user units around the origin: one spoke per
 * dimension starting at 12 o'clock and running clockwise, the scale minimum at the centre and the
 * maximum on the outer ring. A series with a withheld value is not closed through that spoke: it is
 * drawn as the runs of consecutive published values, so no line implies a number that is not shown.
 *
 * <p>The view box is sized to hold the labels, so the radius beside the 14-unit labels sets how
 * large the web is against its text. {@link #COMPACT} keeps labels at 11 px or more in a chart
 * 330 px wide (a phone); {@link #WIDE} gives the web more room where there is width to spare.
 */
public final class RadarChart {

    public static final RadarChart COMPACT = new RadarChart(88, 12);
    public static final RadarChart WIDE = new RadarChart(150, 14);

    static final double FONT_SIZE = 14;
    static final double LINE_HEIGHT = 17;
    static final double LABEL_GAP = 8;
    static final double PADDING = 6;
    /** Average advance of a glyph of the label font in em; DejaVu Sans, the widest likely, measures 0.61. */
    static final double CHAR_WIDTH = 0.63;
    /** Width reserved for the "not shown:" note lines under a label (at 12 units), in label characters. */
    static final int NOTE_CHARS = 13;

    private final double radius;
    private final int wrap;

    private RadarChart(double radius, int wrap) {
        this.radius = radius;
        this.wrap = wrap;
    }

    /** A series: its values per spoke, null where withheld. */
    public record SeriesInput(ChartSeries series, List<Double> values) {
    }

    /**
     * @param labels one label per spoke (at least three)
     * @param series the series to draw, values in spoke order
     */
    public Layout layout(List<String> labels, List<SeriesInput> series) {
        int spokes = labels.size();
        if (spokes < 3) {
            throw new IllegalArgumentException("a radar chart needs at least three spokes, got " + spokes);
        }
        Box box = new Box(-radius, -radius, radius, radius);
        List<Spoke> spokeList = new ArrayList<>();
        for (int i = 0; i < spokes; i++) {
            int axis = i;
            List<ChartSeries> withheld = series.stream()
                    .filter(s -> s.values().get(axis) == null).map(SeriesInput::series).toList();
            Spoke spoke = spoke(i, spokes, wrap(labels.get(i)), withheld);
            spokeList.add(spoke);
            box = box.include(spoke.bounds);
        }
        List<Ring> rings = new ArrayList<>();
        for (int v = Rating.MIN + 1; v <= Rating.MAX; v++) {
            // Each ring is numbered in the middle of its first edge, clear of the spokes and their markers.
            Point a = point(0, spokes, v);
            Point b = point(1, spokes, v);
            rings.add(new Ring(v, polygon(spokes, v), fmt((a.x() + b.x()) / 2), fmt((a.y() + b.y()) / 2 + 4)));
        }
        List<Shape> shapes = series.stream().map(s -> shape(s, spokes)).toList();
        return new Layout(box.symmetricX().pad(PADDING).viewBox(), rings, spokeList, shapes);
    }

    /** The point of a value on spoke i of n. */
    Point point(int i, int n, double value) {
        double r = radius * Rating.percent(value) / 100.0;
        double angle = 2 * Math.PI * i / n;
        return new Point(r * Math.sin(angle), -r * Math.cos(angle));
    }

    String polygon(int n, double value) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(point(i, n, value).svg());
        }
        return String.join(" ", points);
    }

    Shape shape(SeriesInput input, int n) {
        List<Double> values = input.values();
        List<Point> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (values.get(i) != null) {
                dots.add(point(i, n, values.get(i)));
            }
        }
        if (dots.size() == n) {
            String closed = String.join(" ", dots.stream().map(Point::svg).toList());
            return new Shape(input.series(), closed, List.of(), dots);
        }
        return new Shape(input.series(), null, runs(values, n), dots);
    }

    /** Polylines through consecutive published values, wrapping round; a lone value gets only its dot. */
    List<String> runs(List<Double> values, int n) {
        int firstGap = values.indexOf(null);
        if (firstGap < 0) {
            throw new IllegalArgumentException("no withheld value: draw a closed polygon");
        }
        List<String> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int step = 1; step <= n; step++) {
            int i = (firstGap + step) % n;
            Double v = values.get(i);
            if (v != null) {
                current.add(point(i, n, v).svg());
            }
            if (v == null || step == n) {
                if (current.size() >= 2) {
                    runs.add(String.join(" ", current));
                }
                current = new ArrayList<>();
            }
        }
        return runs;
    }

    Spoke spoke(int i, int n, List<String> lines, List<ChartSeries> withheld) {
        Point end = point(i, n, Rating.MAX);
        double angle = 2 * Math.PI * i / n;
        double sin = Math.sin(angle);
        double cos = Math.cos(angle);
        double r = radius + LABEL_GAP;
        double px = r * sin;
        double py = -r * cos;
        String anchor = sin > 0.2 ? "start" : sin < -0.2 ? "end" : "middle";
        // Under the label: "not shown:" and then one line per withheld series.
        int count = lines.size() + (withheld.isEmpty() ? 0 : 1 + withheld.size());
        double y0;
        if (cos > 0.2) {
            y0 = py - (count - 1) * LINE_HEIGHT;
        } else if (cos < -0.2) {
            y0 = py + FONT_SIZE * 0.85;
        } else {
            y0 = py - (count - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35;
        }
        List<Line> labelLines = new ArrayList<>();
        int widest = withheld.isEmpty() ? 0 : NOTE_CHARS;
        for (int l = 0; l < lines.size(); l++) {
            labelLines.add(new Line(lines.get(l), fmt(y0 + l * LINE_HEIGHT)));
            widest = Math.max(widest, lines.get(l).length());
        }
        String noteY = withheld.isEmpty() ? null : fmt(y0 + lines.size() * LINE_HEIGHT);
        List<Note> notes = new ArrayList<>();
        for (int w = 0; w < withheld.size(); w++) {
            notes.add(new Note(withheld.get(w), fmt(y0 + (lines.size() + 1 + w) * LINE_HEIGHT)));
        }
        double width = widest * FONT_SIZE * CHAR_WIDTH;
        double left = switch (anchor) {
            case "start" -> px;
            case "end" -> px - width;
            default -> px - width / 2;
        };
        Box bounds = new Box(left, y0 - FONT_SIZE, left + width, y0 + (count - 1) * LINE_HEIGHT + FONT_SIZE * 0.3);
        return new Spoke(fmt(end.x()), fmt(end.y()), fmt(px), anchor, labelLines, withheld, noteY, notes, bounds);
    }

    /** Greedy word wrap at about {@code wrap} characters; a longer single word keeps its own line. */
    List<String> wrap(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > wrap) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }

    public record Point(double x, double y) {
        public String svg() {
            return fmt(x) + "," + fmt(y);
        }

        public String cx() {
            return fmt(x);
        }

        public String cy() {
            return fmt(y);
        }
    }

    /** @param points the ring's polygon; label position for its scale value on the top spoke */
    public record Ring(int value, String points, String labelX, String labelY) {
    }

    public record Line(String text, String y) {
    }

    /** A series named under a spoke's label because its value there is withheld. */
    public record Note(ChartSeries series, String y) {
    }

    /**
     * A spoke with its label.
     *
     * @param withheld the series withheld on this spoke: "not shown:" at noteY, then the notes
     */
    public record Spoke(String x, String y, String labelX, String anchor, List<Line> lines,
                       List<ChartSeries> withheld, String noteY, List<Note> notes, Box bounds) {
        public boolean hasWithheld() {
            return !withheld.isEmpty();
        }
    }

    /**
     * One series' drawing: a closed polygon when every value is published, else polylines
     * through the runs of published values. Dots mark every published value.
     */
    public record Shape(ChartSeries series, String polygon, List<String> polylines, List<Point> dots) {
        public boolean closed() {
            return polygon != null;
        }
    }

    public record Layout(String viewBox, List<Ring> rings, List<Spoke> spokes, List<Shape> shapes) {
    }

    record Box(double minX, double minY, double maxX, double maxY) {
        Box include(Box o) {
            return new Box(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX), Math.max(maxY, o.maxY));
        }

        /** Widened so the chart's centre is the horizontal centre of the view box. */
        Box symmetricX() {
            double half = Math.max(-minX, maxX);
            return new Box(-half, minY, half, maxY);
        }

        Box pad(double p) {
            return new Box(minX - p, minY - p, maxX + p, maxY + p);
        }

        String viewBox() {
            return fmt(minX) + " " + fmt(minY) + " " + fmt(maxX - minX) + " " + fmt(maxY - minY);
        }
    }
}
