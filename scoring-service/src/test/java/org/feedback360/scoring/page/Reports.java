package org.feedback360.scoring.page;

import static org.feedback360.scoring.engine.RaterGroup.DIRECT_REPORT;
import static org.feedback360.scoring.engine.RaterGroup.MANAGER;
import static org.feedback360.scoring.engine.RaterGroup.PEER;
import static org.feedback360.scoring.engine.RaterGroup.SELF;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedback360.scoring.engine.Dimension;
import org.feedback360.scoring.engine.InstrumentModel;
import org.feedback360.scoring.engine.Item;
import org.feedback360.scoring.engine.RaterGroup;
import org.feedback360.scoring.engine.RaterSubmission;
import org.feedback360.scoring.engine.ReportCalculator;
import org.feedback360.scoring.engine.ScoringPolicy;
import org.feedback360.scoring.engine.SubjectReport;

/** Reports computed by the real engine: the worked example of SCORING.md and a realistic demo. */
final class Reports {

    static final Instant RELEASED = Instant.parse("2026-03-27T09:30:00Z");

    private Reports() {
    }

    // --- The worked example of SCORING.md (k = 3) ---

    static final InstrumentModel WORKED_INSTRUMENT = InstrumentModel.of(
            Dimension.of("TRUST", Item.of("t1"), Item.of("t2"), Item.reversed("t3")),
            Dimension.of("COMMUNICATION", Item.of("c1"), Item.of("c2")));

    static final String[] WORKED_ITEMS = {"t1", "t2", "t3", "c1", "c2"};

    static List<RaterSubmission> workedSubmissions() {
        return List.of(
                rater("self", SELF, WORKED_ITEMS, 5, 5, 1, 4, 5),
                rater("manager", MANAGER, WORKED_ITEMS, 4, 3, 2, 3, 4),
                rater("dr1", DIRECT_REPORT, WORKED_ITEMS, 3, 4, 3, 2, 3),
                rater("dr2", DIRECT_REPORT, WORKED_ITEMS, 4, 4, 2, 3, null),
                rater("dr3", DIRECT_REPORT, WORKED_ITEMS, 2, 3, 4, 2, 2),
                rater("dr4", DIRECT_REPORT, WORKED_ITEMS, 3, null, null, 3, 3),
                rater("peer1", PEER, WORKED_ITEMS, 4, 4, 2, 4, 4),
                rater("peer2", PEER, WORKED_ITEMS, 5, 4, 1, 4, 5));
    }

    static SubjectReport worked() {
        return worked(workedSubmissions());
    }

    static SubjectReport worked(List<RaterSubmission> submissions) {
        return worked(submissions, WORKED_INSTRUMENT);
    }

    static SubjectReport worked(List<RaterSubmission> submissions, InstrumentModel instrument) {
        return new ReportCalculator(instrument, ScoringPolicy.DEFAULT).calculate("leader-1", submissions);
    }

    static ReportContext workedContext(String locale) {
        return new ReportContext("Lea Leader", "Spring 2026", RELEASED, locale,
                Map.of("TRUST", "Trust", "COMMUNICATION", "Communication"),
                Map.of("t1", "Shows trust in the team", "t2", "Keeps confidences", "t3", "Goes back on promises",
                        "c1", "Listens before deciding", "c2", "Keeps people informed"),
                Map.of("keep", "What should this leader keep doing?"));
    }

    // --- A realistic demo: six dimensions of the default instrument, self, manager, 4 followers, 2 peers ---

    static final Map<String, List<Item>> DEMO_DIMENSIONS = new LinkedHashMap<>();
    static final Map<String, String> DEMO_DIMENSION_NAMES = new LinkedHashMap<>();
    static final Map<String, String> DEMO_ITEM_TEXTS = new LinkedHashMap<>();

    static {
        dimension("TRUST", "Trust",
                Item.of("trust_1"), "Shows trust in the team’s work",
                Item.of("trust_2"), "Keeps confidences",
                Item.of("trust_3"), "Follows through on commitments");
        dimension("COMMUNICATION", "Communication",
                Item.of("comm_1"), "Listens before deciding",
                Item.of("comm_2"), "Keeps people informed about what matters",
                Item.reversed("comm_3"), "Says one thing and does another");
        dimension("RECOGNITION", "Recognition",
                Item.of("rec_1"), "Gives credit where it is due",
                Item.of("rec_2"), "Celebrates the team’s wins",
                Item.of("rec_3"), "Notices good work that is not visible");
        dimension("EMPOWERMENT", "Empowerment",
                Item.of("emp_1"), "Lets people decide how to do their work",
                Item.of("emp_2"), "Delegates real ownership",
                Item.reversed("emp_3"), "Checks every detail of delegated work");
        dimension("PSYCHOLOGICAL_SAFETY", "Psychological safety",
                Item.of("ps_1"), "Makes it safe to voice concerns",
                Item.of("ps_2"), "Treats mistakes as something to learn from",
                Item.of("ps_3"), "Welcomes ideas that challenge their own");
        dimension("DEVELOPMENT", "Development",
                Item.of("dev_1"), "Helps people grow towards bigger roles",
                Item.of("dev_2"), "Matches work to people’s strengths",
                Item.of("dev_3"), "Makes time for development conversations");
    }

    private static void dimension(String id, String name, Object... itemsAndTexts) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < itemsAndTexts.length; i += 2) {
            Item item = (Item) itemsAndTexts[i];
            items.add(item);
            DEMO_ITEM_TEXTS.put(item.id(), (String) itemsAndTexts[i + 1]);
        }
        DEMO_DIMENSIONS.put(id, items);
        DEMO_DIMENSION_NAMES.put(id, name);
    }

    static final InstrumentModel DEMO_INSTRUMENT = new InstrumentModel(DEMO_DIMENSIONS.entrySet().stream()
            .map(e -> new Dimension(e.getKey(), e.getValue())).toList(), InstrumentModel.DEFAULT_SCALE_MAX);

    static final String[] DEMO_ITEMS = DEMO_INSTRUMENT.items().stream().map(Item::id).toArray(String[]::new);

    static final Map<String, String> DEMO_QUESTIONS = Map.of(
            "keep_doing", "What should this leader keep doing?",
            "one_change", "What one change would help you most?");

    /** Answers as given (reverse-scored items still raw): trust ×3, communication ×3, recognition ×3, empowerment ×3, safety ×3, development ×3. */
    static List<RaterSubmission> demoSubmissions() {
        return List.of(
                comments(rater("r-self", SELF, DEMO_ITEMS, 4, 5, 4, 5, 4, 2, 4, 4, 3, 5, 4, 1, 4, 4, 4, 3, 3, 2),
                        "one_change", "Make more time for one-to-ones, even in busy weeks."),
                comments(rater("r-mgr", MANAGER, DEMO_ITEMS, 4, 5, 4, 4, 3, 2, 4, 3, 4, 4, 4, 2, 4, 4, 3, 4, 4, 3),
                        "keep_doing", "Strong delivery focus and a calm hand in incidents.",
                        "one_change", "Delegate more of the quarterly planning to the senior engineers."),
                comments(rater("r-f1", DIRECT_REPORT, DEMO_ITEMS, 4, 5, 4, 3, 3, 3, 4, 3, 3, 2, 2, 4, 4, 3, 4, 4, 5, 4),
                        "keep_doing", "The Monday check-ins. I always know where we stand.",
                        "one_change", "Let us finish our own designs before stepping in."),
                comments(rater("r-f2", DIRECT_REPORT, DEMO_ITEMS, 5, 4, 5, 3, 2, 3, 3, 3, 4, 5, 4, 2, 3, 4, 3, 5, 4, 3),
                        "one_change", "Share the reasons behind decisions earlier — we often hear about them last."),
                comments(rater("r-f3", DIRECT_REPORT, DEMO_ITEMS, 4, 4, 4, 4, 3, 2, 4, 4, 3, 4, 4, 2, 4, 3, 4, 4, 4, 5),
                        "keep_doing", "Backing the team in front of other departments, and giving honest feedback."),
                rater("r-f4", DIRECT_REPORT, DEMO_ITEMS, 3, 4, 4, 2, 3, 4, 3, 4, 2, 2, 3, 3, 3, 3, 2, 3, 5, 4),
                comments(rater("r-p1", PEER, DEMO_ITEMS, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 3, 2, 4, 4, 4, 4, 4, 3),
                        "keep_doing", "Great partner in cross-team planning."),
                rater("r-p2", PEER, DEMO_ITEMS, 5, 4, 4, 3, 4, 2, 4, 3, 4, 3, 3, 3, 4, 4, 3, 4, 4, 4));
    }

    static SubjectReport demo() {
        return new ReportCalculator(DEMO_INSTRUMENT, ScoringPolicy.DEFAULT).calculate("leader-demo", demoSubmissions());
    }

    static ReportContext demoContext(String locale) {
        return new ReportContext("Alex Morgan", "Leadership 360 · Spring 2026", RELEASED, locale,
                DEMO_DIMENSION_NAMES, DEMO_ITEM_TEXTS, DEMO_QUESTIONS);
    }

    // --- A followership review (followership-v1): rated by the follower and their manager only ---

    static final InstrumentModel FOLLOWERSHIP_INSTRUMENT = InstrumentModel.of(
            Dimension.of("JUDGMENT", Item.of("j1"), Item.of("j2")),
            Dimension.of("WORK_ETHIC", Item.of("w1"), Item.reversed("w2")),
            Dimension.of("COURAGE", Item.of("c1"), Item.of("c2"))).ratedBy(SELF, MANAGER);

    static final String[] FOLLOWERSHIP_ITEMS = {"j1", "j2", "w1", "w2", "c1", "c2"};

    /** Self 5, 5 | 4, 2 (w2 reversed: 4) | 3, 3; manager 3, 4 | 4, 1 (5) | 4, 4. */
    static SubjectReport followership() {
        return new ReportCalculator(FOLLOWERSHIP_INSTRUMENT, ScoringPolicy.DEFAULT).calculate("follower-1", List.of(
                comments(rater("self", SELF, FOLLOWERSHIP_ITEMS, 5, 5, 4, 2, 3, 3), "keep", "My own note"),
                comments(rater("manager", MANAGER, FOLLOWERSHIP_ITEMS, 3, 4, 4, 1, 4, 4), "keep", "Speaks up in reviews")));
    }

    static ReportContext followershipContext(String locale) {
        return new ReportContext("Finn Follower", "Followership 2026", RELEASED, locale,
                Map.of("JUDGMENT", "Judgment", "WORK_ETHIC", "Work ethic", "COURAGE", "Courage"),
                Map.of("j1", "Weighs options before acting", "j2", "Knows when to ask", "w1", "Finishes what they start",
                        "w2", "Cuts corners under pressure", "c1", "Raises concerns openly", "c2", "Disagrees constructively"),
                Map.of("keep", "What should they keep doing?"));
    }

    // --- Builders ---

    static RaterSubmission rater(String key, RaterGroup group, String[] items, Integer... answers) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            map.put(items[i], answers[i]);
        }
        return new RaterSubmission(key, group, map);
    }

    /** The submission with comments added: question id, text, question id, text, … */
    static RaterSubmission comments(RaterSubmission s, String... questionsAndTexts) {
        Map<String, String> comments = new HashMap<>(s.comments());
        for (int i = 0; i < questionsAndTexts.length; i += 2) {
            comments.put(questionsAndTexts[i], questionsAndTexts[i + 1]);
        }
        return new RaterSubmission(s.raterKey(), s.group(), s.answers(), comments);
    }
}
