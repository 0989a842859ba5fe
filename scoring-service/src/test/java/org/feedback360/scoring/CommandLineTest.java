package org.feedback360.scoring;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command refuses, before it touches anything (ScoringMainTest runs a real rebuild). */
class CommandLineTest {

    @Test
    void wrongArgumentsAreRefusedWithTheUsage() throws Exception {
        for (String[] wrong : new String[][] {{"rebuild", "--from=somewhere"}, {"rebuild"}, {"recompute"},
                {"rebuild", "--from=store", "--force"}, {"rebuild", "--from="}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new ScoringMain().command(wrong, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, exit, String.join(" ", wrong));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(ScoringMain.USAGE));
        }
    }
}
