package org.feedback360.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures the HTML report page shows, read back from its tables as a person reads them —
 * a row (dimension or item), a column (self, a rater group, all others), and either a number
 * with its n or "withheld" — and compared with the report JSON the page was made from: a
 * number may stand only where the JSON publishes the figure, and then it must be that figure.
 */
final class HtmlFigures {

    /** One table cell: {@code value} null where the page says "withheld". */
    record Cell(String table, String row, String column, Double value, Integer n) {
    }

    private static final Pattern TABLE = Pattern.compile("<table([^>]*)>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("<th scope=\"col\">(.*?)</th>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td data-label=\"([^\"]*)\">(.*?)</td>", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<span class=\"value\">([^<]*)</span>\\s*<span class=\"nsd\">n ([0-9]+)");
    /** Column names in both page languages (ReportMessages, report_de.properties). */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("Self", "SELF"), Map.entry("Selbst", "SELF"), Map.entry("You", "SELF"), Map.entry("Sie selbst", "SELF"),
            Map.entry("Manager", "MANAGER"), Map.entry("Führungskraft", "MANAGER"),
            Map.entry("Direct reports", "DIRECT_REPORT"), Map.entry("Mitarbeitende", "DIRECT_REPORT"),
            Map.entry("Peers", "PEER"), Map.entry("Other raters", "OTHER"), Map.entry("Weitere", "OTHER"),
            Map.entry("All others", "OTHERS"), Map.entry("Alle anderen", "OTHERS"),
            Map.entry("Followers (direct reports)", "FOLLOWERS"), Map.entry("Followers", "FOLLOWERS"));

    private HtmlFigures() {
    }

    /** Every figure cell of the page's score tables. */
    static List<Cell> cells(String html) {
        List<Cell> cells = new ArrayList<>();
        Matcher table = TABLE.matcher(html);
        while (table.find()) {
            boolean radar = table.group(1).contains("radar-data");
            List<String> headers = new ArrayList<>();
            Matcher h = HEADER.matcher(table.group(2));
            while (h.find()) {
                headers.add(text(h.group(1)));
            }
            Matcher row = ROW.matcher(table.group(2));
            while (row.find()) {
                Matcher cell = CELL.matcher(row.group(2));
                while (cell.find()) {
                    String label = text(cell.group(1));
                    String column = radar && label.equals("Mitarbeitende") ? "FOLLOWERS" : COLUMNS.get(label);
                    if (column == null) {
                        throw new AssertionError("a column the probe cannot name: " + label + " (headers " + headers + ")");
                    }
                    Matcher v = VALUE.matcher(cell.group(2));
                    boolean withheld = cell.group(2).contains("class=\"withheld\"");
                    if (v.find() == withheld) {
                        throw new AssertionError("a cell that is neither a figure nor withheld: " + cell.group(2));
                    }
                    // A row header may carry a tag after the label ("reverse-scored"): not part of the label.
                    String rowLabel = text(row.group(1).replaceAll("<span class=\"tag\">.*?</span>", ""));
                    cells.add(new Cell(radar ? "radar" : headers.get(0), rowLabel, column,
                            withheld ? null : Double.parseDouble(v.group(1).replace(',', '.').replace('−', '-')),
                            withheld ? null : Integer.parseInt(v.group(2))));
                }
            }
        }
        return cells;
    }

    /**
     * Compares each cell with the JSON figure of its row and column.
     *
     * @param document the API's report document (labels and {@code report})
     * @return what the page shows that the JSON withholds, or shows differently
     */
    static List<String> compare(List<Cell> cells, JsonNode document) {
        List<String> wrong = new ArrayList<>();
        JsonNode report = document.path("report");
        for (Cell c : cells) {
            JsonNode figure = figureOf(c, document, report);
            String where = c.table() + " / " + c.row() + " / " + c.column();
            if (figure == null) {
                wrong.add(where + ": the page shows a row the report does not have");
            } else if (c.value() == null) {
                if (figure.path("published").asBoolean()) {
                    wrong.add(where + ": withheld on the page but published in the report " + figure);
                }
            } else if (!figure.path("published").asBoolean()) {
                wrong.add(where + ": the page shows " + c.value() + " (n " + c.n() + ") for a withheld figure " + figure);
            } else if (Math.abs(figure.path("mean").asDouble() - c.value()) > 0.005 + 1e-9 || figure.path("n").asInt() != c.n()) {
                wrong.add(where + ": the page shows " + c.value() + " (n " + c.n() + "), the report " + figure);
            }
        }
        return wrong;
    }

    private static JsonNode figureOf(Cell c, JsonNode document, JsonNode report) {
        String dimension = key(document.path("labels").path("dimensions"), c.row());
        if (dimension != null) {
            for (JsonNode d : report.path("dimensions")) {
                if (d.path("dimension").asText().equals(dimension)) {
                    return switch (c.column()) {
                        case "OTHERS" -> d.path("others");
                        case "FOLLOWERS" -> d.path("followers");
                        default -> d.path("groups").path(c.column());
                    };
                }
            }
        }
        String item = key(document.path("labels").path("items"), c.row());
        if (item != null) {
            for (JsonNode i : report.path("items")) {
                if (i.path("item").asText().equals(item)) {
                    return c.column().equals("OTHERS") ? i.path("others") : i.path("groups").path(c.column());
                }
            }
        }
        return null;
    }

    /** The id whose label is this text (a missing label shows its id). */
    private static String key(JsonNode labels, String text) {
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().asText().strip().equals(text) || e.getKey().equals(text)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The text of an HTML fragment: tags dropped, the entities Qute writes undone, spaces collapsed. */
    static String text(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
