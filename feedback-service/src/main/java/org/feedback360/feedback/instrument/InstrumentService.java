package org.feedback360.feedback.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;
import org.feedback360.support.transaction.AfterCommit;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class InstrumentService {

    @Inject
    InstrumentRepository instruments;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * The parsed definitions of locked versions, by id: every submission checks its answers against
     * its cycle's version, which never changes once a cycle uses it, so each is read and parsed once
     * per process instead of per call (a query and a few kilobytes of JSON). Bounded by the versions
     * cycles use. A version enters only once its lock is committed: one locked by a cycle whose
     * creation rolled back is still open to change.
     */
    private final Map<UUID, InstrumentDefinition> locked = new ConcurrentHashMap<>();

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
        // The id of a lazy reference (a cycle's instrument) is known without loading the row.
        UUID id = (UUID) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(i);
        InstrumentDefinition known = id == null ? null : locked.get(id);
        if (known != null) {
            return known;
        }
        InstrumentDefinition parsed = parse(i);
        if (id != null && i.isImmutable()) {
            rememberOnceCommitted(id, parsed);
        }
        return parsed;
    }

    private void rememberOnceCommitted(UUID id, InstrumentDefinition definition) {
        switch (transaction.getTransactionStatus()) {
            // Read outside a transaction: the lock it saw was committed.
            case Status.STATUS_NO_TRANSACTION -> locked.putIfAbsent(id, definition);
            case Status.STATUS_ACTIVE -> AfterCommit.run(transaction, () -> locked.putIfAbsent(id, definition));
            default -> { } // marked for rollback, or completing: the lock may not last, so the next read decides
        }
    }

    private InstrumentDefinition parse(Instrument i) {
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
