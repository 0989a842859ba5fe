package org.feedback360.scoring.page;

import java.util.List;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.CommentSource;
import org.feedback360.scoring.engine.ConsensusLabel;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.WithheldReason;

/**
 * What the report template shows: every number already formatted for the reader, every chart
 * already laid out. The template only arranges it and adds the page's words.
 *
 * @param subjectItemsWithheld the reader is not the subject: their item ratings, blind spots and hidden
 *                          strengths are not in the report
 * @param selfVersusManager a review rated by the subject and their manager only (followership): no
 *                          followers, no consensus, no "all others"
 * @param hiddenGroups groups of the instrument not shown as themselves (below k, or nobody asked: the page cannot tell)
 * @param columns      the score tables' columns: the instrument's groups, and all others where there can be any
 * @param pooled       whether the hidden groups' ratings count in ALL_OTHERS
 * @param reasons      the reasons of every withheld figure on the page, explained once in a legend
 */
public record ReportView(String lang, String subjectName, String cycleName, String releasedOn, int k,
                         FollowersBasis basis, boolean selfVersusManager, boolean subjectItemsWithheld,
                         List<Column> shownGroups, List<Column> hiddenGroups, boolean pooled,
                         Summary summary, Radar radar, Gaps gaps, List<ItemGapRow> blindSpots,
                         List<ItemGapRow> hiddenStrengths, List<ConsensusRow> consensus, List<Column> columns,
                         List<DimensionRow> dimensions, List<ItemSection> items, List<CommentSection> comments,
                         List<WithheldReason> reasons) {

    public boolean basisIsDirectReports() {
        return basis == FollowersBasis.DIRECT_REPORT;
    }

    public boolean basisIsOthers() {
        return basis == FollowersBasis.OTHERS;
    }

    public boolean basisIsManager() {
        return basis == FollowersBasis.MANAGER;
    }

    /** Colspan of a row spanning the item table: the item's own column and every figure column. */
    public int tableWidth() {
        return columns.size() + 1;
    }

    /** One figure: a mean with n (and sd for dimension scores of a group), or the reason it is withheld. */
    public record Cell(Column column, boolean published, String mean, String n, String sd, WithheldReason reason) {
    }

    /**
     * The alignment summary; positions are percent along the 1–5 scale.
     *
     * @param dimensionsUsed how many dimensions the index is computed over (those with both figures)
     */
    public record Summary(boolean published, String index, String indexPercent, AgreementCategory category,
                          String selfMean, String followersMean, String selfPosition, String followersPosition,
                          int dimensionsUsed, int dimensionsTotal, WithheldReason reason) {
        public boolean partial() {
            return dimensionsUsed < dimensionsTotal;
        }
    }

    /**
     * The radar chart in two proportions (phone and wider screens; null with fewer than three
     * dimensions), its series, and its numbers as a table (the chart's text alternative).
     */
    public record Radar(RadarChart.Layout compact, RadarChart.Layout wide, List<ChartSeries> series, List<RadarRow> rows) {
        public boolean drawn() {
            return compact != null;
        }
    }

    public record RadarRow(String dimension, List<Cell> cells) {
    }

    /** Gap bars; x and width in percent of the track. */
    public record Gaps(List<GapRow> rows, List<Tick> ticks) {
    }

    public record GapRow(String dimension, boolean published, String value, String x, String width, boolean positive,
                         WithheldReason reason) {
    }

    public record Tick(String label, String x) {
    }

    /** A blind spot or hidden strength, with both positions on the 1–5 scale for a dumbbell. */
    public record ItemGapRow(String item, String dimension, String self, String others, String gap,
                             String selfPosition, String othersPosition, String spanStart, String spanWidth) {
    }

    public record ConsensusRow(String dimension, boolean published, String value, ConsensusLabel label,
                               String percent, WithheldReason reason) {
    }

    public record DimensionRow(String name, List<Cell> cells) {
    }

    public record ItemSection(String dimension, List<ItemRow> items) {
    }

    public record ItemRow(String text, boolean reverseScored, List<Cell> cells) {
    }

    /** The comments of one source, by open question, in the report's (hash) order. */
    public record CommentSection(CommentSource source, List<QuestionComments> questions) {
    }

    public record QuestionComments(String question, List<String> texts) {
    }
}
