package org.feedback360.scoring.aggregate;

import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.engine.RaterSubmission;
import org.feedback360.scoring.engine.ReportCalculator;
import org.feedback360.scoring.engine.SubjectReport;
import org.feedback360.scoring.engine.SubjectSummary;
import org.feedback360.scoring.rating.Rating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A subject's scores from their stored ratings: the one place the consumer and both rebuilds call
 * the engine, so they cannot disagree.
 *
 * <p>The stored ratings are facts and all count towards completion; but a rating the instrument
 * cannot score (an unknown item, an answer off the scale: the feedback service validates, so
 * only a bug produces one) is left out of the figures, and of two SELF ratings (only possible if
 * the rater-key secret changed mid-cycle) only the one with the smaller key counts, so the scores
 * stay a deterministic function of the stored set.
 */
public final class SubjectScoring {

    private SubjectScoring() {
    }

    /**
     * @param report   the full report, or null when only the summary was asked for
     * @param rejected rater keys left out of the figures, with the reason
     */
    public record Scored(SubjectSummary summary, SubjectReport report, List<String> rejected) {
    }

    /** The dimension scores and alignment: what an aggregate keeps. */
    public static Scored summary(ReportCalculator calculator, String subjectId, Collection<Rating> ratings) {
        List<String> rejected = new ArrayList<>();
        return new Scored(calculator.summarise(subjectId, admitted(calculator, ratings, rejected)), null, rejected);
    }

    /** The full report (and its summary): what is frozen. */
    public static Scored report(ReportCalculator calculator, String subjectId, Collection<Rating> ratings) {
        List<String> rejected = new ArrayList<>();
        SubjectReport report = calculator.calculate(subjectId, admitted(calculator, ratings, rejected));
        return new Scored(report.summary(), report, rejected);
    }

    private static List<RaterSubmission> admitted(ReportCalculator calculator, Collection<Rating> ratings,
                                                  List<String> rejected) {
        List<RaterSubmission> admitted = new ArrayList<>(ratings.size());
        List<Rating> sorted = ratings.stream().sorted(Comparator.comparing(Rating::raterKey)).toList();
        boolean selfSeen = false;
        for (Rating rating : sorted) {
            RaterSubmission submission = rating.submission();
            String violation = calculator.instrument().violation(submission);
            if (violation != null) {
                rejected.add(rating.raterKey() + ": " + violation);
            } else if (rating.group() == RaterGroup.SELF && selfSeen) {
                rejected.add(rating.raterKey() + ": a second SELF rating");
            } else {
                selfSeen |= rating.group() == RaterGroup.SELF;
                admitted.add(submission);
            }
        }
        return admitted;
    }
}
