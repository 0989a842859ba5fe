package org.feedback360.scoring.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.PostConstruct;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * JSON columns written and read with the application's ObjectMapper. What is stored was written by
 * this service, so a value that does not read back is a bug, not bad input: it fails loudly.
 */
@ApplicationScoped
public class JsonColumns {

    @Inject
    ObjectMapper json;

    private ObjectWriter writer;

    @PostConstruct
    void init() {
        // Doubles written with Jackson's Schubfach writer: several times faster than Double.toString,
        // and every number of a report is a double. Reads back to the same double.
        writer = json.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    public String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SHA-256 (hex) of a written JSON text. Equal values serialise to equal text, so a rebuild can
     * tell whether a stored value differs without reading it.
     */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
