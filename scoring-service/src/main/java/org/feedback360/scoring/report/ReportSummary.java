package org.feedback360.scoring.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.WithheldReason;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One released report in a list: its alignment headline and where to read it. */
@Schema(name = "ReportSummary")
public record ReportSummary(UUID cycleId, String cycleName, String subjectId, String subjectName, Instant releasedAt,
                            FollowersBasis followersBasis,
                            @Schema(description = "null when withheld (see alignmentWithheld)") Double alignmentIndex,
                            AgreementCategory category, WithheldReason alignmentWithheld,
                            @Schema(description = "API path of the full report") String path) {

    @Schema(name = "ReportSummaryPage")
    public record Page(List<ReportSummary> items, int page, int size, long total) {
    }
}
