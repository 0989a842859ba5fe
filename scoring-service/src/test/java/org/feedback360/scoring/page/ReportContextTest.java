package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportContextTest {

    @Test
    void aMissingOrBlankLabelFallsBackToTheId() {
        ReportContext context = new ReportContext("S", "C", Reports.RELEASED, "en",
                Map.of("TRUST", "Trust", "FAIRNESS", " "), null, Map.of());
        assertEquals("Trust", context.dimensionName("TRUST"));
        assertEquals("FAIRNESS", context.dimensionName("FAIRNESS"));
        assertEquals("INCLUSION", context.dimensionName("INCLUSION"));
        assertEquals("t1", context.itemText("t1"));
        assertEquals("keep", context.questionText("keep"));
    }
}
