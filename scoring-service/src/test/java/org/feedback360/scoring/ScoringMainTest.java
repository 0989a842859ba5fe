package org.feedback360.scoring;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator command: same jar, arguments instead of a service, with the command's settings. */
@QuarkusMainTest
@TestProfile(ScoringMainTest.Command.class)
class ScoringMainTest {

    public static class Command implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ScoringMain.COMMAND_SETTINGS;
        }
    }

    @Test
    @Launch({"rebuild", "--from=store", "--tenant=nobody-here"})
    void rebuildPrintsItsSummary(LaunchResult result) {
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().contains("\"source\" : \"store\""), result.getOutput());
        assertTrue(result.getOutput().contains("\"aggregatesChanged\" : 0"), result.getOutput());
    }
}
