package org.feedback360.gateway.observability;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessLogWriterTest {

    @Test
    void writesEveryLineWholeAndInOrder() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLogWriter writer = new AccessLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // Longer than one write buffer in total, so batches are cut between lines.
        IntStream.range(0, 5_000).forEach(i -> writer.publish(new LogRecord(Level.INFO, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}")));
        writer.close();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5_000, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}", lines.get(i));
        }
    }
}
