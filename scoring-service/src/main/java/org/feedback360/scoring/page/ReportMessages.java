package org.feedback360.scoring.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.feedback360.scoring.engine.AgreementCategory;
import org.feedback360.scoring.engine.CommentSource;
import org.feedback360.scoring.engine.ConsensusLabel;
import org.feedback360.scoring.engine.FollowersBasis;
import org.feedback360.scoring.engine.WithheldReason;

/**
 * Every word of the report page, in English; German in {@code messages/report_de.properties}.
 * Templates use them as {@code {report:name}}. No message takes free text as a parameter: what a
 * person typed is always written by the template itself, where it is escaped.
 */
@MessageBundle(value = "report", locale = "en")
public interface ReportMessages {

    @Message("{#if selfVersusManager}Followership feedback report{#else}Leadership feedback report{/if}")
    String reportTitle(boolean selfVersusManager);

    @Message("Released")
    String released();

    @Message("How to read this report")
    String howToRead();

    @Message("Anonymity.")
    String anonymityHeading();

    @Message("A figure is shown only when at least {k} people stand behind it. Anything based on fewer is marked "
            + "“withheld” with the reason — never shown as zero, and never with a count. Your own ratings are shown "
            + "as you gave them.")
    String anonymityRule(int k);

    @Message("{#if selfVersusManager}Comparison.{#else}Followers.{/if}")
    String followersHeading(boolean selfVersusManager);

    @Message("Your followers are your direct reports. Throughout this report, your self-rating is compared with "
            + "their average.")
    String basisDirectReports();

    @Message("Fewer than {k} of your direct reports responded, so they are not shown as a group. Wherever this "
            + "report compares you with your followers, it uses everyone who rated you instead (“All others”).")
    String basisOthers(int k);

    @Message("This review compares your self-rating with your manager’s rating of you, dimension by dimension and "
            + "item by item. Your manager is named, so their rating is shown as they gave it.")
    String basisManager();

    @Message("{#if selfVersusManager}Your manager’s rating is not available, so there is nothing to compare your "
            + "self-rating with. Your own ratings are below.{#else}Too few people responded to compare your self-rating "
            + "with anyone else’s view. The figures that can be shown are below.{/if}")
    String basisNone(boolean selfVersusManager);

    @Message("You are reading this report as the manager of the person it is about. It speaks to them: “you” is "
            + "them. Their answers to single items and their comments are shown to them only; the comparison by "
            + "dimension is complete.")
    String readerIsManager();

    @Message("Shown only to the person this report is about: it would quote their answers to single items.")
    String itemGapsSubjectOnly();

    @Message("Shown as groups:")
    String shownGroups();

    @Message("Not shown as groups (fewer than {k} responded, or none were asked):")
    String hiddenGroups(int k);

    @Message("Their ratings count in “All others”, because together they reach the threshold.")
    String pooledYes();

    @Message("Their ratings are not part of any figure in this report.")
    String pooledNo();

    @Message("{#when column}{#is SELF}Self{#is MANAGER}Manager{#is DIRECT_REPORT}Direct reports{#is PEER}Peers"
            + "{#is OTHER}Other raters{#is ALL_OTHERS}All others{/when}")
    String columnName(Column column);

    @Message("{#when series}{#is SELF}You{#is DIRECT_REPORTS}Followers (direct reports)"
            + "{#is MANAGER}Your manager’s view{#is OTHERS}All others{/when}")
    String seriesName(ChartSeries series);

    @Message("{#when series}{#is SELF}You{#is DIRECT_REPORTS}Followers{#is MANAGER}Manager{#is OTHERS}All others{/when}")
    String seriesShortName(ChartSeries series);

    @Message("{#when source}{#is SELF}Your own comments{#is MANAGER}Your manager{#is DIRECT_REPORT}Your direct reports"
            + "{#is PEER}Your peers{#is OTHER}Other raters{#is OTHERS}Other raters, pooled{/when}")
    String commentSource(CommentSource source);

    @Message("Alignment at a glance")
    String summaryTitle();

    @Message("Alignment index")
    String alignmentIndex();

    @Message("{#when basis}{#is MANAGER}1 means your manager sees you exactly as you see yourself"
            + "{#else}1 means your followers see you exactly as you see yourself{/when}; 0 is the largest possible difference.")
    String alignmentIndexExplained(FollowersBasis basis);

    @Message("Agreement type")
    String agreementType();

    @Message("{#when category}{#is OVER_ESTIMATOR}Over-estimator{#is UNDER_ESTIMATOR}Under-estimator"
            + "{#is IN_AGREEMENT_GOOD}In agreement, favourable{#is IN_AGREEMENT_POOR}In agreement, room to grow{/when}")
    String categoryName(AgreementCategory category);

    @Message("{#when basis}{#is MANAGER}{#when category}"
            + "{#is OVER_ESTIMATOR}You rate yourself clearly higher than your manager rates you."
            + "{#is UNDER_ESTIMATOR}You rate yourself clearly lower than your manager rates you: they see strengths you may not credit yourself with."
            + "{#is IN_AGREEMENT_GOOD}You and your manager see you much the same way, and both see you favourably."
            + "{#is IN_AGREEMENT_POOR}You and your manager see you much the same way, and both see room to grow."
            + "{/when}{#else}{#when category}"
            + "{#is OVER_ESTIMATOR}You rate yourself clearly higher than your followers rate you."
            + "{#is UNDER_ESTIMATOR}You rate yourself clearly lower than your followers rate you: they see strengths you may not credit yourself with."
            + "{#is IN_AGREEMENT_GOOD}You and your followers see you much the same way, and both see you favourably."
            + "{#is IN_AGREEMENT_POOR}You and your followers see you much the same way, and both see room to grow."
            + "{/when}{/when}")
    String categoryExplained(AgreementCategory category, FollowersBasis basis);

    @Message("Your average self-rating")
    String selfMean();

    @Message("{#when basis}{#is OTHERS}All others’ average rating{#is MANAGER}Your manager’s rating{#else}Your followers’ average rating{/when}")
    String followersMean(FollowersBasis basis);

    @Message("Averages over the {used} of {total} dimensions where both figures are shown.")
    String alignmentPartial(int used, int total);

    @Message("Alignment withheld")
    String alignmentWithheld();

    @Message("Scale: 1 = strongly disagree, 5 = strongly agree.")
    String scale();

    @Message("Self and others, by dimension")
    String radarTitle();

    @Message("Each spoke is a dimension, scored from 1 at the centre to 5 at the edge. Where the lines part, views differ.")
    String radarIntro();

    @Message("A radar needs at least three dimensions; with fewer, here are the averages as a table.")
    String radarNotDrawn();

    @Message("Radar chart of average scores per dimension")
    String radarSvgTitle();

    @Message("{#when basis}{#is MANAGER}Your self-rating compared with your manager’s rating on each dimension."
            + "{#else}Your self-rating compared with your followers’ and all others’ average ratings on each dimension.{/when} "
            + "The same numbers are in the table below the chart.")
    String radarSvgDescription(FollowersBasis basis);

    @Message("not shown")
    String notShown();

    @Message("The chart’s numbers")
    String chartData();

    @Message("Dimension")
    String dimension();

    @Message("{#when basis}{#is MANAGER}Where you and your manager differ{#else}Where you and your followers differ{/when}")
    String gapTitle(FollowersBasis basis);

    @Message("{#when basis}{#is MANAGER}Your score minus your manager’s score, per dimension."
            + "{#else}Your score minus your followers’ score, per dimension.{/when}")
    String gapIntro(FollowersBasis basis);

    @Message("{#when basis}{#is MANAGER}your manager rates you higher{#else}followers rate you higher{/when}")
    String gapLeft(FollowersBasis basis);

    @Message("you rate yourself higher")
    String gapRight();

    @Message("Blind spots")
    String blindSpotsTitle();

    @Message("{#when basis}{#is MANAGER}Items you rate yourself clearly higher than your manager rates you."
            + "{#else}Items you rate yourself clearly higher than others rate you.{/when}")
    String blindSpotsIntro(FollowersBasis basis);

    @Message("{#when basis}{#is MANAGER}None: there is no item you rate clearly higher than your manager does."
            + "{#else}None: there is no item you rate clearly higher than others do.{/when}")
    String noBlindSpots(FollowersBasis basis);

    @Message("Hidden strengths")
    String hiddenStrengthsTitle();

    @Message("{#when basis}{#is MANAGER}Items your manager rates you clearly higher than you rate yourself."
            + "{#else}Items others rate you clearly higher than you rate yourself.{/when}")
    String hiddenStrengthsIntro(FollowersBasis basis);

    @Message("{#when basis}{#is MANAGER}None: there is no item your manager rates clearly higher than you do."
            + "{#else}None: there is no item others rate clearly higher than you do.{/when}")
    String noHiddenStrengths(FollowersBasis basis);

    @Message("You")
    String you();

    @Message("{#when basis}{#is MANAGER}Manager{#else}Others{/when}")
    String others(FollowersBasis basis);

    @Message("Gap")
    String gap();

    @Message("How much your followers agree")
    String consensusTitle();

    @Message("Consensus, rwg(J), runs from 0 (no agreement among your followers) to 1 (full agreement). Low consensus "
            + "means your followers experience you differently from one another — often more telling than the average.")
    String consensusIntro();

    @Message("{#when label}{#is LACK_OF_AGREEMENT}lack of agreement{#is WEAK}weak agreement{#is MODERATE}moderate agreement"
            + "{#is STRONG}strong agreement{#is VERY_STRONG}very strong agreement{/when}")
    String consensusLabel(ConsensusLabel label);

    @Message("Scores by dimension")
    String dimensionsTitle();

    @Message("Scores by item")
    String itemsTitle();

    @Message("Averages on the scale from 1 to 5. n: how many ratings stand behind a figure; sd: how far they spread.")
    String tablesIntro();

    @Message("Item")
    String item();

    @Message("reverse-scored")
    String reverseScored();

    @Message("Reverse-scored items are worded the other way round; their scores are turned so that higher is better, "
            + "like every other item.")
    String reverseScoredNote();

    @Message("withheld")
    String withheld();

    @Message("{#when reason}"
            + "{#is GROUP_BELOW_THRESHOLD}group below {k}"
            + "{#is TOO_FEW_ANSWERS}fewer than {k} ratings"
            + "{#is COMPLEMENTARY_DISCLOSURE}protects a small group"
            + "{#is PARTIAL_ANSWERS}protects skipped answers"
            + "{#is SUBJECT_ONLY}shown to them only"
            + "{#is NOT_ANSWERED}not answered"
            + "{#is NO_BASIS}nobody to compare with"
            + "{#is NO_ITEM_WITH_ENOUGH_ANSWERS}too few answers per item"
            + "{#is TOO_FEW_COMPLETE_CASES}too few complete responses"
            + "{#is UNDEFINED}cannot be computed"
            + "{#is NOT_APPLICABLE}not part of this review"
            + "{/when}")
    String withheldShort(WithheldReason reason, int k);

    @Message("{#when reason}"
            + "{#is GROUP_BELOW_THRESHOLD}Fewer than {k} people of this group responded, or none were asked."
            + "{#is TOO_FEW_ANSWERS}Fewer than {k} ratings stand behind this figure."
            + "{#is COMPLEMENTARY_DISCLOSURE}Showing it would let fewer than {k} ratings be worked out by subtracting the other figures."
            + "{#is SUBJECT_ONLY}The person this report is about sees their own answers to single items; other readers "
            + "see their scores by dimension."
            + "{#is PARTIAL_ANSWERS}Some people skipped some of this dimension’s items. Next to the dimension’s score, "
            + "the item scores would let their answers be worked out, so they are not shown."
            + "{#is NOT_ANSWERED}No rating was given, or too few of the items were answered."
            + "{#is NO_BASIS}Neither your followers nor other raters reached the threshold, so there is no view to compare yours with."
            + "{#is NO_ITEM_WITH_ENOUGH_ANSWERS}Agreement needs at least one item with {k} or more follower answers."
            + "{#is TOO_FEW_COMPLETE_CASES}Too few complete responses to compute this figure reliably."
            + "{#is UNDEFINED}This figure cannot be computed from the ratings given."
            + "{#is NOT_APPLICABLE}This review compares you with your manager; it has no group of followers."
            + "{/when}")
    String withheldLong(WithheldReason reason, int k);

    @Message("Why some figures are withheld")
    String withheldTitle();

    @Message("Comments")
    String commentsTitle();

    @Message("Comments appear by group and question, in a fixed order that has nothing to do with when or by whom they were written.")
    String commentsIntro();

    @Message("No comments can be shown.")
    String noComments();

    @Message("Feedback360 · This report shows only figures that protect every rater’s anonymity.")
    String footer();
}
