package org.feedback360.feedback.cycle;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.feedback360.feedback.instrument.Instrument;
import org.feedback360.feedback.people.Contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "cycle")
public class Cycle {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id")
    public Instrument instrument;

    @Enumerated(EnumType.STRING)
    public CycleState state;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "anonymity_threshold")
    public int anonymityThreshold;

    @Column(name = "manager_visible")
    public boolean managerVisible;

    public String[] reminders;

    @ElementCollection
    @CollectionTable(name = "cycle_subject", joinColumns = @JoinColumn(name = "cycle_id"))
    public Set<Subject> subjects = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    /** The HR user who created the cycle, as known then; told when the cycle closes. */
    @Column(name = "owner_employee_id", updatable = false)
    public String ownerEmployeeId;

    @Column(name = "owner_name", updatable = false)
    public String ownerName;

    @Column(name = "owner_email", updatable = false)
    public String ownerEmail;

    @Column(name = "owner_locale", updatable = false)
    public String ownerLocale;

    /** Two HR admins pressing "open" and "close" at once: one of them gets a conflict. */
    @Version
    public long version;

    /** A leader under review; carries the tenant so the row can point at its person. */
    @Embeddable
    public record Subject(@Column(name = "tenant_id") String tenantId, @Column(name = "employee_id") String employeeId) {
    }

    protected Cycle() {
    }

    static Cycle draft(String tenantId, Contact owner, Instant now) {
        Cycle c = new Cycle();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.ownerEmployeeId = owner.employeeId();
        c.ownerName = owner.name();
        c.ownerEmail = owner.email();
        c.ownerLocale = owner.locale();
        c.state = CycleState.DRAFT;
        c.createdAt = now;
        return c;
    }

    void define(String name, Instrument instrument, Collection<String> subjectIds, Instant opensAt, Instant closesAt,
                int anonymityThreshold, boolean managerVisible, List<String> reminders) {
        this.name = name;
        this.instrument = instrument;
        this.subjects.clear();
        subjectIds.forEach(s -> this.subjects.add(new Subject(tenantId, s)));
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.anonymityThreshold = anonymityThreshold;
        this.managerVisible = managerVisible;
        this.reminders = reminders.toArray(String[]::new);
    }

    public Contact owner() {
        return new Contact(ownerEmployeeId, ownerName, ownerEmail, ownerLocale);
    }

    public boolean isSubject(String employeeId) {
        return subjects.contains(new Subject(tenantId, employeeId));
    }

    public List<String> subjectIds() {
        return subjects.stream().map(Subject::employeeId).sorted().toList();
    }

    /** Why the cycle may not open now; empty when it may. */
    List<String> reasonsNotToOpen(Instant now) {
        List<String> reasons = new ArrayList<>();
        if (subjects.isEmpty()) {
            reasons.add("the cycle has no subjects");
        }
        if (!closesAt.isAfter(now)) {
            reasons.add("the window closed at " + closesAt);
        }
        return reasons;
    }

    /** Moves the cycle on; the caller has checked the command's own rules. */
    void apply(CycleCommand command, Instant now) {
        state = CycleStateMachine.next(state, command);
        switch (command) {
            case OPEN -> openedAt = now;
            case CLOSE -> closedAt = now;
            case RELEASE -> releasedAt = now;
        }
    }
}
