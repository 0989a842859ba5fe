package org.feedback360.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.feedback360.support.transaction.AfterCommit;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's transaction, wrapped in a CloudEvents 1.0 envelope
 * (structured mode) with the tenant as extension attribute. A relay publishes it later;
 * the event id doubles as the consumers' deduplication key.
 */
@ApplicationScoped
public class Outbox implements PanacheRepositoryBase<OutboxEvent, UUID> {

    public static final String TYPE_PREFIX = "org.feedback360.";

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    OutboxRelay relay;

    /** Marks a transaction whose commit already wakes the relay: once per transaction, however many events. */
    private static final Object WAKES_RELAY = new Object();

    /**
     * Records an event under a fresh id.
     *
     * @param type the design's event name, e.g. {@code CycleOpened}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String tenant, String topic, String key, String type, String subject, Object data) {
        return record(UUID.randomUUID(), tenant, topic, key, type, subject, data);
    }

    /**
     * Records an event under an id the caller chose: for events whose identity is a fact of the
     * domain (one per cycle and subject, say), so consumers deduplicate a republished one too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(UUID id, String tenant, String topic, String key, String type, String subject, Object data) {
        Instant now = Instant.now();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("type", TYPE_PREFIX + type);
        envelope.put("source", config.source());
        envelope.put("subject", subject);
        envelope.put("time", now.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("tenant", tenant);
        envelope.put("data", data);
        try {
            persist(OutboxEvent.of(id, tenant, topic, key, TYPE_PREFIX + type, json.writeValueAsString(envelope), now));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        wakeRelayOnCommit();
        return id;
    }

    /**
     * Writes the events this transaction recorded so far and lets its persistence context forget the
     * given ones: for a transaction that records thousands and never reads them again (a cycle's
     * opening), so that they are not all held until the commit. They are committed with it all the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Collection<UUID> ids) {
        EntityManager em = getEntityManager();
        em.flush();
        // getReference answers the managed instance itself, without a query, for an entity the context holds.
        ids.forEach(id -> em.detach(em.getReference(OutboxEvent.class, id)));
    }

    private void wakeRelayOnCommit() {
        if (transaction.getResource(WAKES_RELAY) != null) {
            return;
        }
        transaction.putResource(WAKES_RELAY, Boolean.TRUE);
        AfterCommit.run(transaction, relay::wake);
    }

    /** A tenant's events of one topic and key, as written (keys such as employee ids repeat across tenants). */
    public List<OutboxEvent> forKey(String tenant, String topic, String key) {
        return list("tenantId = ?1 and topic = ?2 and messageKey = ?3 order by createdAt", tenant, topic, key);
    }
}
