package org.feedback360.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Streaming equals batch: on random cycles the report depends only on the final set of
 * submissions, not on the order they arrived in nor on the revisions on the way. Equality is
 * exact (record equals compares doubles bit for bit), stronger than the required 1e-9.
 */
class OrderIndependencePropertyTest {

    static final int CASES = 300;
    static final InstrumentModel INSTRUMENT = InstrumentModel.of(
            Dimension.of("TRUST", Item.of("t1"), Item.of("t2"), Item.reversed("t3")),
            Dimension.of("COMMUNICATION", Item.of("c1"), Item.of("c2")),
            Dimension.of("PRESENCE", Item.of("p1"), Item.reversed("p2"), Item.of("p3"), Item.of("p4")),
            Dimension.of("COMMITMENT", Item.of("o1")));
    static final List<String> ITEMS = INSTRUMENT.items().stream().map(Item::id).toList();
    static final String[] COMMENTS = {"more one-to-ones", "keep the clarity", "listen first", "share context", "x"};

    @Test
    void reportIsTheSameWhateverTheArrivalOrderAndRevisions() {
        for (int c = 0; c < CASES; c++) {
            Random random = new Random(1_000 + c);
            ScoringPolicy policy = ScoringPolicy.DEFAULT.withK(2 + random.nextInt(3))
                    .withManagerAnonymous(random.nextInt(4) == 0);
            ReportCalculator calculator = new ReportCalculator(INSTRUMENT, policy);
            List<RaterSubmission> finalSet = randomCycle(random);
            String context = "case " + c + " " + policy;

            SubjectReport batch = calculator.calculate("subject-" + c, finalSet);
            List<RaterSubmission> shuffled = new ArrayList<>(finalSet);
            Collections.shuffle(shuffled, random);
            assertEquals(batch, calculator.calculate("subject-" + c, shuffled), context);

            // Streaming: earlier versions arrive first, interleaved; each event updates the set
            // and the report is recomputed, as the consumer does.
            List<RaterSubmission> events = new ArrayList<>();
            for (RaterSubmission s : finalSet) {
                int earlier = random.nextInt(3);
                for (int i = 0; i < earlier; i++) {
                    events.add(new RaterSubmission(s.raterKey(), s.group(), randomAnswers(random), randomComments(random)));
                }
            }
            Collections.shuffle(events, random);
            List<RaterSubmission> finals = new ArrayList<>(finalSet);
            Collections.shuffle(finals, random);
            List<RaterSubmission> stream = interleave(events, finals, random);
            SubmissionSet state = SubmissionSet.empty();
            SubjectReport streamed = null;
            for (RaterSubmission event : stream) {
                state = state.with(event);
                streamed = calculator.calculate("subject-" + c, state);
            }
            assertEquals(batch, streamed, context);
            assertEquals(batch, calculator.calculate("subject-" + c, SubmissionSet.replay(stream)), context);
            assertEquals(batch.summary(), calculator.summarise("subject-" + c, shuffled), context);

            assertNoFigureBelowK(batch, policy, context);
            assertSmallUnpooledGroupsLeaveNoTrace(calculator, finalSet, batch, policy, "subject-" + c, context);
        }
    }

    /** Places the earlier versions of each rater before that rater's final version. */
    private static List<RaterSubmission> interleave(List<RaterSubmission> earlier, List<RaterSubmission> finals,
                                                    Random random) {
        List<RaterSubmission> stream = new ArrayList<>(finals);
        for (RaterSubmission e : earlier) {
            int finalAt = lastIndexOf(stream, e.raterKey());
            stream.add(random.nextInt(finalAt + 1), e);
        }
        return stream;
    }

    private static int lastIndexOf(List<RaterSubmission> list, String key) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).raterKey().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Every published figure but the subject's own and the named manager's rests on at least k ratings. */
    private static void assertNoFigureBelowK(SubjectReport report, ScoringPolicy policy, String context) {
        List<Map<RaterGroup, Figure>> groupMaps = new ArrayList<>();
        List<Figure> others = new ArrayList<>();
        report.dimensions().forEach(d -> {
            groupMaps.add(d.groups());
            others.add(d.others());
        });
        report.items().forEach(i -> {
            groupMaps.add(i.groups());
            others.add(i.others());
        });
        for (Map<RaterGroup, Figure> groups : groupMaps) {
            groups.forEach((group, figure) -> {
                boolean named = group == RaterGroup.SELF || group == RaterGroup.MANAGER && !policy.managerAnonymous();
                if (!named && figure instanceof Score score) {
                    assertTrue(score.n() >= policy.k(), context + " " + group + " " + score);
                }
            });
        }
        for (Figure figure : others) {
            if (figure instanceof Score score) {
                assertTrue(score.n() >= policy.k(), context + " OTHERS " + score);
            }
        }
    }

    /** When the small groups do not reach k together, removing their raters changes nothing at all. */
    private static void assertSmallUnpooledGroupsLeaveNoTrace(ReportCalculator calculator,
                                                              List<RaterSubmission> submissions, SubjectReport report,
                                                              ScoringPolicy policy, String subject, String context) {
        if (report.othersIncludesPooledGroups()) {
            return;
        }
        List<RaterSubmission> published = submissions.stream()
                .filter(s -> report.publishedGroups().contains(s.group())).toList();
        assertEquals(report, calculator.calculate(subject, published), context);
    }

    private static List<RaterSubmission> randomCycle(Random random) {
        List<RaterSubmission> raters = new ArrayList<>();
        int serial = 0;
        if (random.nextInt(5) > 0) {
            raters.add(randomRater(random, "k" + serial++ + "-" + random.nextInt(1000), RaterGroup.SELF));
        }
        int[] sizes = {random.nextInt(2), random.nextInt(7), random.nextInt(6), random.nextInt(4)};
        RaterGroup[] groups = {RaterGroup.MANAGER, RaterGroup.DIRECT_REPORT, RaterGroup.PEER, RaterGroup.OTHER};
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                raters.add(randomRater(random, "k" + serial++ + "-" + random.nextInt(1000), groups[g]));
            }
        }
        return raters;
    }

    private static RaterSubmission randomRater(Random random, String key, RaterGroup group) {
        return new RaterSubmission(key, group, randomAnswers(random), randomComments(random));
    }

    private static Map<String, Integer> randomAnswers(Random random) {
        Map<String, Integer> answers = new HashMap<>();
        for (String item : ITEMS) {
            answers.put(item, random.nextInt(5) == 0 ? null : 1 + random.nextInt(5));
        }
        return answers;
    }

    private static Map<String, String> randomComments(Random random) {
        Map<String, String> comments = new HashMap<>();
        if (random.nextBoolean()) {
            comments.put("keep", COMMENTS[random.nextInt(COMMENTS.length)]);
        }
        if (random.nextBoolean()) {
            comments.put("change", COMMENTS[random.nextInt(COMMENTS.length)]);
        }
        return comments;
    }
}
