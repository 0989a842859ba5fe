package org.feedback360.feedback.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class InstrumentService {

    @Inject
    InstrumentRepository instruments;

    @Inject
    ObjectMapper json;

    public List<InstrumentResponse.Summary> list(String tenant) {
        return instruments.visibleTo(tenant).stream()
                .map(i -> InstrumentResponse.Summary.of(i, definitionOf(i))).toList();
    }

    public InstrumentResponse get(String tenant, String key, int version) {
        Instrument i = instruments.findVisible(tenant, key, version).orElseThrow(() -> notFound(key, version));
        return InstrumentResponse.of(i, definitionOf(i));
    }

    /** A tenant's instrument: a new key starts at version 1, a known key gets the next version. */
    @Transactional
    public InstrumentResponse create(String tenant, InstrumentDefinition d) {
        checkRules(d);
        if (instruments.isBuiltInKey(d.key())) {
            throw ProblemException.conflict("built-in-key",
                    "'" + d.key() + "' is the key of a built-in instrument; choose another key");
        }
        instruments.lockKey(tenant, d.key());
        int version = instruments.latestVersion(tenant, d.key()) + 1;
        Instrument i = Instrument.tenantOwned(tenant, d.key(), version, write(d), Instant.now());
        instruments.persist(i);
        return InstrumentResponse.of(i, d);
    }

    /** Corrects a version that no cycle has used yet; a used one only ever gets a successor. */
    @Transactional
    public InstrumentResponse replace(String tenant, String key, int version, InstrumentDefinition d) {
        if (!key.equals(d.key())) {
            throw ProblemException.badRequest("key-mismatch",
                    "The body's key '" + d.key() + "' differs from the key '" + key + "' in the path");
        }
        Instrument i = instruments.findVisibleForUpdate(tenant, key, version).orElseThrow(() -> notFound(key, version));
        if (i.builtIn) {
            throw ProblemException.conflict("instrument-immutable",
                    "Built-in instrument " + i.ref() + " cannot be changed; create your own instrument instead");
        }
        if (i.isImmutable()) {
            throw new ProblemException(Problem.of(409, "instrument-immutable", "Conflict",
                            "Instrument " + i.ref() + " is used by a cycle and can no longer change; "
                                    + "POST it to /api/v1/instruments to create version " + (instruments.latestVersion(tenant, key) + 1))
                    .with("lockedAt", i.lockedAt));
        }
        checkRules(d);
        i.replaceDefinition(write(d));
        return InstrumentResponse.of(i, d);
    }

    /**
     * The version a new cycle will use, locked against change from now on. Returns the
     * entity so the cycle can keep its id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instrument useForCycle(String tenant, String key, int version) {
        Instrument i = instruments.findVisibleForUpdate(tenant, key, version).orElseThrow(() ->
                ProblemException.unprocessable("unknown-instrument", "No instrument " + key + " version " + version + " exists"));
        i.lock(Instant.now());
        return i;
    }

    public InstrumentDefinition definitionOf(Instrument i) {
        try {
            return json.readValue(i.definition, InstrumentDefinition.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void checkRules(InstrumentDefinition d) {
        List<InstrumentRules.Violation> violations = InstrumentRules.check(d);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(422, "invalid-instrument", "Unprocessable Content",
                    "The instrument breaks " + violations.size() + " rule(s)").with("errors", violations));
        }
    }

    private String write(InstrumentDefinition d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException notFound(String key, int version) {
        return ProblemException.notFound("Instrument " + key + " version " + version);
    }
}
