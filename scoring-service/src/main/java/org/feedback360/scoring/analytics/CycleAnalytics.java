package org.feedback360.scoring.analytics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedback360.scoring.cycle.CycleState;
import org.feedback360.scoring.engine.AlphaOutcome;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.Figure;
import org.feedback360.scoring.report.ReportView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HR's view of a cycle. While it runs: response counts only (SCORING.md rule 5). Once closed: the
 * completion figures. Once released: results built from published figures only.
 */
@Schema(name = "CycleAnalytics")
public record CycleAnalytics(UUID cycleId, String cycleName, CycleState state, ReportView.InstrumentRef instrument,
                             int anonymityThreshold, Responses responses,
                             @Schema(description = "Each subject: responses received and where their report stands") List<SubjectStatus> subjects,
                             @Schema(description = "null until the cycle closes") Completion completion,
                             @Schema(description = "null until the cycle is released") Results results) {

    /** Submissions received so far: a count, nothing else. */
    public record Responses(long received) {
    }

    /**
     * @param report NOT_RELEASED until the cycle is released; then PENDING while responses submitted
     *               before the close are still on their way, FROZEN once the report can be read
     */
    public record SubjectStatus(String subjectId, String name, long received, ReportStatus report) {
    }

    public enum ReportStatus {
        NOT_RELEASED,
        PENDING,
        FROZEN
    }

    /** Response rates as the feedback service counted them at close and release. */
    public record Completion(long assignments, long submitted, @Schema(description = "submitted / assignments") Double rate,
                             List<SubjectCompletion> bySubject) {
    }

    public record SubjectCompletion(String subjectId, long assignments, long submitted, Double rate) {
    }

    public record Results(
            @Schema(description = "Frozen reports") int reports,
            @Schema(description = "The heatmap's columns, in instrument order") List<String> dimensions,
            @Schema(description = "Subjects × dimensions: each subject's followers' view F_d as published in their report") List<HeatmapRow> heatmap,
            @Schema(description = "Reports per agreement category; NO_ALIGNMENT where the alignment is withheld") Map<String, Integer> categories,
            Percentiles percentiles,
            @Schema(description = "Cronbach's alpha per dimension over every complete non-self submission of the cycle; absent with a reason below 10 complete cases") Map<String, AlphaOutcome> alpha) {
    }

    public record HeatmapRow(String subjectId, String name, FollowersBasis followersBasis, Map<String, Cell> cells) {
    }

    /** @param followers F_d, or why it is withheld; gap = S_d − F_d where both are published */
    public record Cell(Figure followers, Double gap) {
    }

    public record Percentiles(String definition, List<SubjectPercentiles> subjects) {
    }

    /**
     * A subject's percentile ranks among the subjects of the same basis; a figure that is withheld in
     * the report is not ranked (absent).
     */
    public record SubjectPercentiles(String subjectId, FollowersBasis basis, Ranked alignmentIndex,
                                     Map<String, Ranked> followers) {
    }

    /** @param among how many subjects of the same basis were ranked on this figure */
    public record Ranked(double value, double percentile, int among) {
    }
}
