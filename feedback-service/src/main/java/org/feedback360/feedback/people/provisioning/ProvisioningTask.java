package org.feedback360.feedback.people.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One identity change owed to the identity provider, written in the same transaction as
 * the directory change (outbox style), so a crash can delay provisioning but never lose it.
 * It carries the person's data as of that change, so tasks replay in order.
 */
@Entity
@Table(name = "provisioning_task")
public class ProvisioningTask {

    public enum Action {
        /** Make sure the user exists, is enabled and carries these attributes. */
        UPSERT,
        /** Make sure the user, if it exists, is disabled (people who leave are never deleted). */
        DISABLE
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "employee_id", nullable = false, updatable = false)
    public String employeeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Action action;

    @Column(nullable = false, updatable = false)
    public String email;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public String locale;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "done_at")
    public Instant doneAt;

    protected ProvisioningTask() {
    }

    public static ProvisioningTask of(String tenantId, String employeeId, Action action,
                                      String email, String name, String locale, Instant now) {
        ProvisioningTask t = new ProvisioningTask();
        t.id = UUID.randomUUID();
        t.tenantId = tenantId;
        t.employeeId = employeeId;
        t.action = action;
        t.email = email;
        t.name = name;
        t.locale = locale;
        t.createdAt = now;
        return t;
    }

    void done(Instant now) {
        doneAt = now;
        attempts++;
        lastError = null;
    }

    /** Refused for good: no longer pending (later changes of the person go ahead), the reason kept. */
    void rejected(String error, Instant now) {
        failed(error);
        doneAt = now;
    }

    void failed(String error) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
    }
}
