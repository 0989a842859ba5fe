package org.feedback360.feedback.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One member of a tenant's directory. Fields are read freely; changes go through methods. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "employee_id", nullable = false, updatable = false)
    public String employeeId;

    public String name;
    public String email;
    public String locale;

    @Column(name = "manager_employee_id")
    public String managerEmployeeId;

    public boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Person() {
    }

    public static Person create(String tenantId, PersonDetails details, Instant now) {
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.tenantId = tenantId;
        p.employeeId = details.employeeId();
        p.createdAt = now;
        p.apply(details, now);
        return p;
    }

    /** @return what changed, so the caller knows whether the identity provider must hear of it */
    public Change apply(PersonDetails d, Instant now) {
        boolean identityChanged = !Objects.equals(name, d.name()) || !Objects.equals(email, d.email())
                || !Objects.equals(locale, d.locale()) || active != d.active();
        boolean changed = identityChanged || !Objects.equals(managerEmployeeId, d.managerEmployeeId());
        name = d.name();
        email = d.email();
        locale = d.locale();
        managerEmployeeId = d.managerEmployeeId();
        active = d.active();
        if (changed) {
            updatedAt = now;
        }
        return changed ? (identityChanged ? Change.IDENTITY : Change.ORG_CHART_ONLY) : Change.NONE;
    }

    public Change deactivate(Instant now) {
        if (!active) {
            return Change.NONE;
        }
        active = false;
        updatedAt = now;
        return Change.IDENTITY;
    }

    public enum Change { NONE, ORG_CHART_ONLY, IDENTITY }
}
