package org.feedback360.feedback.instrument;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant sees the built-in instruments and its own, never another tenant's. */
@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, UUID> {

    private static final String VISIBLE = "(tenantId = :tenant or tenantId is null)";

    public List<Instrument> visibleTo(String tenant) {
        return find(VISIBLE, Sort.by("builtIn", Sort.Direction.Descending).and("key").and("version"),
                io.quarkus.panache.common.Parameters.with("tenant", tenant)).list();
    }

    public Optional<Instrument> findVisible(String tenant, String key, int version) {
        return find(VISIBLE + " and key = :key and version = :version",
                io.quarkus.panache.common.Parameters.with("tenant", tenant).and("key", key).and("version", version))
                .firstResultOptional();
    }

    /** The version, row-locked: whoever edits or locks it next waits for this transaction. */
    public Optional<Instrument> findVisibleForUpdate(String tenant, String key, int version) {
        return find(VISIBLE + " and key = :key and version = :version",
                io.quarkus.panache.common.Parameters.with("tenant", tenant).and("key", key).and("version", version))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public boolean isBuiltInKey(String key) {
        return count("tenantId is null and key = ?1", key) > 0;
    }

    public int latestVersion(String tenant, String key) {
        Integer v = getEntityManager()
                .createQuery("select max(i.version) from Instrument i where i.tenantId = :tenant and i.key = :key", Integer.class)
                .setParameter("tenant", tenant).setParameter("key", key)
                .getSingleResult();
        return v == null ? 0 : v;
    }

    /** Inserts a built-in version unless it exists; safe when several replicas start at once. */
    public void insertBuiltInIfAbsent(String key, int version, String definition, Instant now) {
        getEntityManager().createNativeQuery(
                        "INSERT INTO instrument (id, tenant_id, key, version, built_in, definition, created_at) "
                                + "VALUES (?1, NULL, ?2, ?3, TRUE, CAST(?4 AS jsonb), ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, key)
                .setParameter(3, version)
                .setParameter(4, definition)
                .setParameter(5, now)
                .executeUpdate();
    }

    /** Serialises version numbering of one tenant's instrument key. */
    public void lockKey(String tenant, String key) {
        getEntityManager()
                .createNativeQuery("SELECT CAST(pg_advisory_xact_lock(361, hashtext(?1)) AS text)")
                .setParameter(1, tenant + "/" + key)
                .getSingleResult();
    }
}
