package org.feedback360.feedback.instrument;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One version of an instrument; its definition is stored as the JSON a tenant sent. */
@Entity
@Table(name = "instrument")
public class Instrument {

    @Id
    public UUID id;

    /** Null for built-in instruments, which every tenant sees. */
    @Column(name = "tenant_id", updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String key;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "built_in", nullable = false, updatable = false)
    public boolean builtIn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String definition;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** When a cycle first referred to this version; from then on it never changes. */
    @Column(name = "locked_at")
    public Instant lockedAt;

    protected Instrument() {
    }

    static Instrument tenantOwned(String tenantId, String key, int version, String definition, Instant now) {
        Instrument i = new Instrument();
        i.id = UUID.randomUUID();
        i.tenantId = tenantId;
        i.key = key;
        i.version = version;
        i.builtIn = false;
        i.definition = definition;
        i.createdAt = now;
        return i;
    }

    public boolean isImmutable() {
        return builtIn || lockedAt != null;
    }

    void replaceDefinition(String definition) {
        if (isImmutable()) {
            throw new IllegalStateException("instrument " + key + " v" + version + " is immutable");
        }
        this.definition = definition;
    }

    /** Called when a cycle starts to refer to this version. */
    public void lock(Instant now) {
        if (lockedAt == null) {
            lockedAt = now;
        }
    }

    public String ref() {
        return key + "-v" + version;
    }
}
