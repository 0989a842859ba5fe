package org.feedback360.scoring.trend;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.Figure;
import org.feedback360.scoring.engine.WithheldReason;
import org.feedback360.scoring.report.ReportView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subject's results across released cycles, in release order. */
@Schema(name = "Trend")
public record Trend(String subjectId, List<Point> cycles) {

    public record Point(UUID cycleId, String cycleName, Instant releasedAt, ReportView.InstrumentRef instrument,
                        FollowersBasis followersBasis,
                        @Schema(description = "null when withheld (see alignmentWithheld)") Double alignmentIndex,
                        AgreementCategory category, WithheldReason alignmentWithheld, List<DimensionPoint> dimensions) {
    }

    /**
     * @param self      the subject's own score S_d
     * @param followers the followers' view F_d on the report's basis
     */
    public record DimensionPoint(String dimension, String name, Figure self, Figure followers, Double gap) {
    }
}
