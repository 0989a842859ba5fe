package org.feedback360.scoring.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedback360.scoring.support.Seed;
import org.feedback360.scoring.support.StoredState;
import org.feedback360.scoring.support.TestEvents;
import org.feedback360.scoring.support.TestEvents.CycleSpec;
import org.feedback360.scoring.support.TestTopics;
import org.feedback360.scoring.support.WorkedExample;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The responses topic may lag behind the cycles topic. With submission counts alone a report can
 * be frozen while a rater's latest revision is still on its way; with the revisions sum in the
 * completion it waits for it. A revision that overtakes a frozen report is stored, the published
 * report stays, and an operator's rebuild brings the report up to date.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class LateRevisionTest {

    static final String LEADER = "E-0200";

    @Inject
    Seed seed;
    @Inject
    Rebuild rebuild;
    @Inject
    DataSource dataSource;

    @Test
    void withTheRevisionsSum_theReportWaitsForTheLatestRevision() throws Exception {
        Scenario s = new Scenario(true);
        s.releaseWithFirstRevisionsOnly();
        assertEquals(0, StoredState.of(dataSource, s.cycle.tenant()).reports().size(), "revision 2 of dr1 is missing");
        s.apply(s.revised);
        StoredState state = StoredState.of(dataSource, s.cycle.tenant());
        assertEquals(1, state.reports().size());
        assertEquals(0, rebuild.fromStore(s.cycle.tenant()).reportsChanged());
    }

    /** Cycle events written before feedback-service counted revisions (topics keep every event) carry counts only. */
    @Test
    void withCountsOnly_aLateRevisionIsStored_andARebuildRepairsTheReport() throws Exception {
        Scenario s = new Scenario(false);
        s.releaseWithFirstRevisionsOnly();
        StoredState frozen = StoredState.of(dataSource, s.cycle.tenant());
        assertEquals(1, frozen.reports().size(), "the counts were reached");

        s.apply(s.revised);
        StoredState afterLateRevision = StoredState.of(dataSource, s.cycle.tenant());
        assertNull(frozen.reportsDifference(afterLateRevision, 0), "the published report stays as it was");
        assertNotEquals(frozen.aggregates(), afterLateRevision.aggregates(), "the aggregate follows the ratings");

        RebuildSummary repaired = rebuild.fromStore(s.cycle.tenant());
        assertEquals(1, repaired.reportsChanged());
        assertEquals(0, repaired.reportsPublished(), "announced once, under the same id, already");
        JsonNode summary = afterLateRevision.aggregates().values().iterator().next().get("report");
        JsonNode report = StoredState.of(dataSource, s.cycle.tenant()).reports().values().iterator().next().get("report");
        summary.fieldNames().forEachRemaining(field -> assertEquals(summary.get(field), report.get(field), field));
    }

    /** The worked example where dr1 first submits extreme answers, then revises; the revision lags behind the release. */
    final class Scenario {
        final CycleSpec cycle = new CycleSpec(TestEvents.tenant(), UUID.randomUUID(), "Spring review",
                TestEvents.workedExampleDefinition(), List.of(new TestEvents.Subject(LEADER, "Leo Leader", "en")), 3, true);
        final List<ObjectNode> first = WorkedExample.responses(cycle.tenant(), cycle.cycleId(), LEADER);
        final ObjectNode revised;
        final boolean withRevisions;

        Scenario(boolean withRevisions) {
            this.withRevisions = withRevisions;
            Object[] dr1 = WorkedExample.RATERS.get(2);
            first.set(2, WorkedExample.response(cycle.tenant(), cycle.cycleId(), LEADER,
                    new Object[] {dr1[0], dr1[1], new Integer[] {1, 1, 5, 1, 1}}, 1));
            revised = WorkedExample.response(cycle.tenant(), cycle.cycleId(), LEADER, dr1, 2);
        }

        void releaseWithFirstRevisionsOnly() throws Exception {
            // As feedback-service counts at the close: 8 raters, dr1's latest revision 2, so revisions 9.
            List<ObjectNode> submitted = new java.util.ArrayList<>(first);
            submitted.add(revised);
            Map<String, TestEvents.Counts> completion = TestEvents.completionOf(submitted);
            assertEquals(new TestEvents.Counts(8, 9), completion.get(LEADER));
            apply(TestEvents.cycleEvent("CycleOpened", cycle, Map.of()));
            for (ObjectNode response : first) {
                apply(response);
            }
            for (String type : List.of("CycleClosed", "CycleReleased")) {
                ObjectNode event = TestEvents.cycleEvent(type, cycle, completion);
                apply(withRevisions ? event : TestEvents.withoutRevisions(event));
            }
        }

        void apply(ObjectNode event) throws Exception {
            seed.apply(event);
        }
    }
}
