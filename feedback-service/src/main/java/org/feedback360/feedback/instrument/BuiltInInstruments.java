package org.feedback360.feedback.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Loads the built-in instruments from {@code instruments/builtin/*.json} at start. They
 * pass the same validation as a tenant's instrument, are inserted if absent (safe with
 * many replicas), and a start with a changed text for an existing version fails: a
 * published version is immutable, a correction is a new version file.
 */
@ApplicationScoped
public class BuiltInInstruments {

    private static final Logger LOG = Logger.getLogger(BuiltInInstruments.class);

    static final List<String> FILES = List.of("leader-follower-v1.json", "followership-v1.json");

    @Inject
    InstrumentRepository instruments;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Transactional
    void load(@Observes StartupEvent ignored) {
        for (String file : FILES) {
            String resource = "instruments/builtin/" + file;
            ObjectNode doc = read(resource);
            int version = doc.remove("version").asInt();
            InstrumentDefinition d = json.convertValue(doc, InstrumentDefinition.class);
            Set<ConstraintViolation<InstrumentDefinition>> violations = validator.validate(d);
            List<InstrumentRules.Violation> rules = InstrumentRules.check(d);
            if (!violations.isEmpty() || !rules.isEmpty() || version < 1) {
                throw new IllegalStateException("Built-in instrument " + resource + " is invalid: " + violations + " " + rules);
            }
            String definition = write(d);
            instruments.insertBuiltInIfAbsent(d.key(), version, definition, Instant.now());
            Instrument stored = instruments.find("tenantId is null and key = ?1 and version = ?2", d.key(), version)
                    .firstResult();
            if (!json.valueToTree(d).equals(readTree(stored.definition))) {
                throw new IllegalStateException("Built-in instrument " + stored.ref() + " differs from " + resource
                        + ": a published version never changes; add the change as a new version file");
            }
            LOG.debugf("Built-in instrument %s ready", stored.ref());
        }
    }

    private ObjectNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing built-in instrument " + resource);
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(InstrumentDefinition d) {
        try {
            return json.writeValueAsString(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
