package org.feedback360.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report is a tree of records that plain Jackson serialises to readable JSON. */
class JsonTest {

    @Test
    void workedExampleSerialises() throws Exception {
        SubjectReport report = new ReportCalculator(Fixtures.WORKED_INSTRUMENT, ScoringPolicy.DEFAULT)
                .calculate("leader-1", WorkedExampleTest.SUBMISSIONS);
        JsonNode json = new ObjectMapper().valueToTree(report);

        assertEquals("DIRECT_REPORT", json.get("followersBasis").asText());
        JsonNode trust = json.get("dimensions").get(0);
        assertEquals("TRUST", trust.get("dimension").asText());
        JsonNode followers = trust.get("groups").get("DIRECT_REPORT");
        assertTrue(followers.get("published").asBoolean());
        assertEquals(3, followers.get("n").asInt());
        assertEquals(3.2222, followers.get("mean").asDouble(), 1e-4);
        JsonNode peers = trust.get("groups").get("PEER");
        assertFalse(peers.get("published").asBoolean());
        assertEquals("GROUP_BELOW_THRESHOLD", peers.get("reason").asText());
        assertFalse(peers.has("mean"), "a withheld figure has no number, not even zero");
        assertEquals("STRONG", trust.get("consensus").get("label").asText());
        assertEquals("OVER_ESTIMATOR", json.get("alignment").get("category").asText());
        JsonNode t1 = json.get("items").get(0);
        assertEquals("PARTIAL_ANSWERS", t1.get("others").get("reason").asText());
        assertFalse(t1.get("others").has("n"), "not even the count");
        assertEquals(0, json.get("blindSpots").size());
    }

    @Test
    void aReasonStoredUnderItsFormerNameReadsBack() throws Exception {
        Withheld read = new ObjectMapper().readValue(
                "{\"reason\": \"NO_ITEM_WITH_TWO_ANSWERS\", \"detail\": \"no item with two or more answers\"}",
                Withheld.class);
        assertEquals(WithheldReason.NO_ITEM_WITH_ENOUGH_ANSWERS, read.reason());
    }

    /** Frozen reports are stored as JSON and read back for the API and the HTML page: nothing may change. */
    @Test
    void readsBackToAnEqualReport() throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<SubjectReport> reports = List.of(
                new ReportCalculator(Fixtures.WORKED_INSTRUMENT, ScoringPolicy.DEFAULT)
                        .calculate("leader-1", WorkedExampleTest.SUBMISSIONS),
                new ReportCalculator(Fixtures.WORKED_INSTRUMENT, ScoringPolicy.DEFAULT)
                        .calculate("leader-2", List.of()),
                new ReportCalculator(FollowershipTest.INSTRUMENT, ScoringPolicy.DEFAULT)
                        .calculate("follower-1", FollowershipTest.SUBMISSIONS));
        for (SubjectReport report : reports) {
            String json = mapper.writeValueAsString(report);
            assertEquals(report, mapper.readValue(json, SubjectReport.class), json);
        }
    }
}
