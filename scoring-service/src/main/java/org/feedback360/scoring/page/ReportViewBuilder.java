package org.feedback360.scoring.page;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.feedback360.scoring.engine.AlignmentResult;
import org.feedback360.scoring.engine.CommentGroup;
import org.feedback360.scoring.engine.DimensionResult;
import org.feedback360.scoring.engine.Figure;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.ItemGap;
import org.feedback360.scoring.engine.ItemResult;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.engine.Rwg;
import org.feedback360.scoring.engine.Score;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.scoring.engine.Withheld;
import org.feedback360.scoring.engine.WithheldReason;

/** Turns a report and its labels into the page's view: formats every number, lays out every chart. */
final class ReportViewBuilder {

    private final SubjectReport report;
    private final ReportContext context;
    private final PageFormat format;
    /** Every withheld reason the page shows, for the legend. */
    private final Set<WithheldReason> reasons = EnumSet.noneOf(WithheldReason.class);

    private ReportViewBuilder(SubjectReport report, ReportContext context, PageFormat format) {
        this.report = report;
        this.context = context;
        this.format = format;
    }

    static ReportView build(SubjectReport report, ReportContext context, PageFormat format) {
        return new ReportViewBuilder(report, context, format).build();
    }

    /** The groups the instrument is rated by: the engine gives each of them, and only them, a figure. */
    private Set<RaterGroup> instrumentGroups() {
        Set<RaterGroup> groups = EnumSet.noneOf(RaterGroup.class);
        report.dimensions().forEach(d -> groups.addAll(d.groups().keySet()));
        return groups;
    }

    /** Rated by the subject and their manager only (followership): InstrumentModel.comparesSelfWithManager. */
    private boolean selfVersusManager() {
        Set<RaterGroup> groups = instrumentGroups();
        return groups.contains(RaterGroup.MANAGER) && EnumSet.of(RaterGroup.SELF, RaterGroup.MANAGER).containsAll(groups);
    }

    /** A group the instrument does not use is no column: it is not "withheld", it was never asked. */
    private List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        instrumentGroups().forEach(g -> columns.add(Column.of(g)));
        if (!selfVersusManager()) {
            columns.add(Column.ALL_OTHERS);
        }
        return columns;
    }

    private ReportView build() {
        List<Column> shown = new ArrayList<>();
        List<Column> hidden = new ArrayList<>();
        for (RaterGroup group : instrumentGroups()) {
            (report.publishedGroups().contains(group) ? shown : hidden).add(Column.of(group));
        }
        List<Column> columns = columns();
        ReportView.Summary summary = summary();
        ReportView.Radar radar = radar();
        ReportView.Gaps gaps = gaps();
        // A self-versus-manager review has no followers whose consensus could be shown.
        List<ReportView.ConsensusRow> consensus = selfVersusManager() ? List.of()
                : report.dimensions().stream().map(this::consensus).toList();
        List<ReportView.DimensionRow> dimensions = report.dimensions().stream()
                .map(d -> new ReportView.DimensionRow(context.dimensionName(d.dimension()),
                        cells(columns, d.groups(), d.others())))
                .toList();
        return new ReportView(format.locale().getLanguage(), context.subjectName(), context.cycleName(),
                format.date(context.releasedAt()), report.k(), report.followersBasis(), selfVersusManager(),
                context.subjectItemsWithheld(), shown,
                hidden, report.othersIncludesPooledGroups(), summary, radar, gaps, itemGaps(report.blindSpots()),
                itemGaps(report.hiddenStrengths()), consensus, columns, dimensions, items(columns), comments(),
                List.copyOf(reasons));
    }

    private ReportView.Summary summary() {
        int total = report.dimensions().size();
        if (report.alignment() instanceof AlignmentResult a) {
            return new ReportView.Summary(true, format.decimal(a.index()), percent(100 * Math.max(0, a.index())),
                    a.category(), format.decimal(a.selfMean()), format.decimal(a.followersMean()),
                    percent(Rating.percent(a.selfMean())), percent(Rating.percent(a.followersMean())),
                    a.dimensions().size(), total, null);
        }
        WithheldReason reason = withheld((Withheld) report.alignment());
        return new ReportView.Summary(false, null, null, null, null, null, null, null, 0, total, reason);
    }

    private ReportView.Radar radar() {
        List<ChartSeries> series = new ArrayList<>(List.of(ChartSeries.SELF));
        if (report.followersBasis() == FollowersBasis.DIRECT_REPORT) {
            series.add(ChartSeries.DIRECT_REPORTS);
        }
        series.add(selfVersusManager() ? ChartSeries.MANAGER : ChartSeries.OTHERS);
        List<String> labels = new ArrayList<>();
        List<ReportView.RadarRow> rows = new ArrayList<>();
        for (DimensionResult d : report.dimensions()) {
            String name = context.dimensionName(d.dimension());
            labels.add(name);
            rows.add(new ReportView.RadarRow(name, series.stream().map(s -> cell(column(s), figure(d, s))).toList()));
        }
        if (labels.size() < 3) {
            // Fewer than three spokes make a line, not a radar: the page shows the table alone.
            return new ReportView.Radar(null, null, series, rows);
        }
        List<RadarChart.SeriesInput> inputs = series.stream().map(s -> new RadarChart.SeriesInput(s,
                report.dimensions().stream().map(d -> figure(d, s) instanceof Score score ? score.mean() : null).toList()))
                .toList();
        return new ReportView.Radar(RadarChart.COMPACT.layout(labels, inputs), RadarChart.WIDE.layout(labels, inputs),
                series, rows);
    }

    private static Figure figure(DimensionResult d, ChartSeries series) {
        return switch (series) {
            case SELF -> d.groups().get(RaterGroup.SELF);
            case DIRECT_REPORTS -> d.groups().get(RaterGroup.DIRECT_REPORT);
            case MANAGER -> d.groups().get(RaterGroup.MANAGER);
            case OTHERS -> d.others();
        };
    }

    private static Column column(ChartSeries series) {
        return switch (series) {
            case SELF -> Column.SELF;
            case DIRECT_REPORTS -> Column.DIRECT_REPORT;
            case MANAGER -> Column.MANAGER;
            case OTHERS -> Column.ALL_OTHERS;
        };
    }

    private ReportView.Gaps gaps() {
        GapBars bars = GapBars.of(report.dimensions().stream().map(DimensionResult::gap).toList());
        List<ReportView.GapRow> rows = new ArrayList<>();
        for (DimensionResult d : report.dimensions()) {
            String name = context.dimensionName(d.dimension());
            if (d.gap() == null) {
                // The gap needs both figures: name whichever is missing, the followers' first.
                Figure missing = d.followers() instanceof Withheld ? d.followers() : d.groups().get(RaterGroup.SELF);
                WithheldReason reason = missing instanceof Withheld w ? withheld(w) : withheld(WithheldReason.NO_BASIS);
                rows.add(new ReportView.GapRow(name, false, null, null, null, false, reason));
            } else {
                GapBars.Bar bar = bars.bar(d.gap());
                rows.add(new ReportView.GapRow(name, true, format.signed(d.gap()), percent(bar.x()),
                        percent(bar.width()), bar.positive(), null));
            }
        }
        List<ReportView.Tick> ticks = bars.ticks().stream()
                .map(t -> new ReportView.Tick(t.value() == 0 ? "0" : format.signed(t.value()).replaceAll("[.,]00$", ""),
                        percent(t.x())))
                .toList();
        return new ReportView.Gaps(rows, ticks);
    }

    private List<ReportView.ItemGapRow> itemGaps(List<ItemGap> gaps) {
        return gaps.stream().map(g -> {
            double self = Rating.percent(g.self());
            double others = Rating.percent(g.others());
            return new ReportView.ItemGapRow(context.itemText(g.item()), context.dimensionName(g.dimension()),
                    format.decimal(g.self()), format.decimal(g.others()), format.signed(g.self() - g.others()),
                    percent(self), percent(others), percent(Math.min(self, others)), percent(Math.abs(self - others)));
        }).toList();
    }

    private ReportView.ConsensusRow consensus(DimensionResult d) {
        String name = context.dimensionName(d.dimension());
        if (d.consensus() instanceof Rwg rwg) {
            return new ReportView.ConsensusRow(name, true, format.decimal(rwg.value()), rwg.label(),
                    percent(100 * rwg.value()), null);
        }
        return new ReportView.ConsensusRow(name, false, null, null, null, withheld((Withheld) d.consensus()));
    }

    private List<ReportView.ItemSection> items(List<Column> columns) {
        List<ReportView.ItemSection> sections = new ArrayList<>();
        for (DimensionResult d : report.dimensions()) {
            List<ReportView.ItemRow> rows = report.items().stream().filter(i -> i.dimension().equals(d.dimension()))
                    .map(i -> item(columns, i)).toList();
            sections.add(new ReportView.ItemSection(context.dimensionName(d.dimension()), rows));
        }
        return sections;
    }

    private ReportView.ItemRow item(List<Column> columns, ItemResult item) {
        return new ReportView.ItemRow(context.itemText(item.item()), item.reverseScored(),
                cells(columns, item.groups(), item.others()));
    }

    private List<ReportView.Cell> cells(List<Column> columns, Map<RaterGroup, Figure> groups, Figure others) {
        List<ReportView.Cell> cells = new ArrayList<>();
        for (Column column : columns) {
            cells.add(cell(column, column == Column.ALL_OTHERS ? others : groups.get(RaterGroup.valueOf(column.name()))));
        }
        return cells;
    }

    private ReportView.Cell cell(Column column, Figure figure) {
        if (figure instanceof Score s) {
            return new ReportView.Cell(column, true, format.decimal(s.mean()), Integer.toString(s.n()),
                    s.sd() == null ? null : format.decimal(s.sd()), null);
        }
        // A missing figure is treated as withheld, never as blank or zero.
        WithheldReason reason = figure instanceof Withheld w ? withheld(w) : withheld(WithheldReason.TOO_FEW_ANSWERS);
        return new ReportView.Cell(column, false, null, null, null, reason);
    }

    private List<ReportView.CommentSection> comments() {
        List<ReportView.CommentSection> sections = new ArrayList<>();
        for (CommentGroup group : report.comments()) {
            ReportView.QuestionComments question = new ReportView.QuestionComments(
                    context.questionText(group.question()), group.texts());
            ReportView.CommentSection last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
            if (last != null && last.source() == group.source()) {
                List<ReportView.QuestionComments> questions = new ArrayList<>(last.questions());
                questions.add(question);
                sections.set(sections.size() - 1, new ReportView.CommentSection(group.source(), List.copyOf(questions)));
            } else {
                sections.add(new ReportView.CommentSection(group.source(), List.of(question)));
            }
        }
        return sections;
    }

    private WithheldReason withheld(Withheld withheld) {
        return withheld(withheld.reason());
    }

    private WithheldReason withheld(WithheldReason reason) {
        reasons.add(reason);
        return reason;
    }

    /** Percent for CSS and SVG: always a dot, whatever the reader's locale. */
    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
