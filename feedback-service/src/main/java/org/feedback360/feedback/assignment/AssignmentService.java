package org.feedback360.feedback.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.feedback360.feedback.cycle.CycleState;
import org.feedback360.feedback.instrument.RaterGroup;
import org.feedback360.feedback.people.Contact;
import org.feedback360.feedback.people.Person;
import org.feedback360.feedback.people.PersonRepository;
import org.feedback360.support.outbox.Outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AssignmentService {

    public static final String TOPIC = AssignmentEvent.TOPIC;

    /** Assignments (and their events) written and let go of at a time when a cycle opens. */
    static final int WRITE_CHUNK = 500;

    @Inject
    AssignmentRepository assignments;

    @Inject
    PersonRepository people;

    @Inject
    Outbox outbox;

    /** Generates a cycle's assignments from today's chart, in the transaction that opens it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int generate(String tenant, UUID cycleId, Collection<String> subjects, Collection<RaterGroup> groups,
                        Instant closesAt) {
        Map<String, String> managerOf = new HashMap<>();
        Set<String> active = new HashSet<>();
        people.chart(tenant).forEach(row -> {
            managerOf.put(row.employeeId(), row.managerEmployeeId());
            if (row.active()) {
                active.add(row.employeeId());
            }
        });
        Instant now = Instant.now();
        List<AssignmentPlanner.Planned> plan = AssignmentPlanner.plan(subjects, managerOf, active, EnumSet.copyOf(groups));
        Set<String> involved = new HashSet<>();
        plan.forEach(p -> {
            involved.add(p.subject());
            involved.add(p.rater());
        });
        Map<String, Contact> contacts = people.contactsOf(tenant, involved);
        for (int from = 0; from < plan.size(); from += WRITE_CHUNK) {
            List<Assignment> chunk = plan.subList(from, Math.min(from + WRITE_CHUNK, plan.size())).stream()
                    .map(p -> Assignment.of(tenant, cycleId, p, now)).toList();
            // All of a chunk's assignments before its events: a flush writes rows in the order they were
            // persisted, and a JDBC batch is one statement repeated: interleaved, every batch held one row.
            chunk.forEach(assignments::persist);
            List<UUID> events = chunk.stream()
                    .map(a -> record(AssignmentEvent.CREATED, a, contacts.get(a.subjectEmployeeId),
                            contacts.get(a.raterEmployeeId), closesAt, null))
                    .toList();
            release(chunk, events);
        }
        return plan.size();
    }

    /**
     * Writes a chunk of a cycle's opening and lets the persistence context forget it: nothing reads
     * these rows again in the transaction. Held until the commit (22,000 assignments and as many events
     * for 2,000 subjects) they made the heap grow to 165 MB committed against 91 MB, which SerialGC kept
     * long after, and every flush (the one before each query, the commit's) walked all of them.
     */
    private void release(List<Assignment> chunk, List<UUID> events) {
        outbox.release(events); // flushes all this transaction wrote so far, the chunk's assignments too
        EntityManager em = assignments.getEntityManager();
        chunk.forEach(em::detach);
    }

    /** One more rater for a subject of an open cycle (an approved peer nomination). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assignment add(String tenant, UUID cycleId, Person subject, Person rater, RaterGroup group, Instant closesAt) {
        Assignment a = Assignment.of(tenant, cycleId, new AssignmentPlanner.Planned(subject.employeeId, rater.employeeId, group),
                Instant.now());
        assignments.persist(a);
        record(AssignmentEvent.CREATED, a, Contact.of(subject), Contact.of(rater), closesAt, null);
        return a;
    }

    /**
     * A rater left: their open, unsubmitted assignments are cancelled, so nobody reminds them
     * and completion figures count only people who can still answer. Submitted ones stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelOpenOf(String tenant, String rater) {
        List<Object[]> open = assignments.unsubmittedInOpenCycles(tenant, rater);
        Instant now = Instant.now();
        for (Object[] row : open) {
            Assignment a = (Assignment) row[0];
            a.cancelledAt = now;
            Map<String, Contact> contacts = people.contactsOf(tenant, List.of(a.subjectEmployeeId, a.raterEmployeeId));
            record(AssignmentEvent.CANCELLED, a, contacts.get(a.subjectEmployeeId), contacts.get(a.raterEmployeeId),
                    (Instant) row[1], null);
        }
        return open.size();
    }

    /** Tells notification-service that a rater is done (status only, never answers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(Assignment a, Instant closesAt, Instant submittedAt) {
        Map<String, Contact> contacts = people.contactsOf(a.tenantId, List.of(a.subjectEmployeeId, a.raterEmployeeId));
        record(AssignmentEvent.SUBMITTED, a, contacts.get(a.subjectEmployeeId), contacts.get(a.raterEmployeeId),
                closesAt, submittedAt);
    }

    private UUID record(String type, Assignment a, Contact subject, Contact rater, Instant closesAt, Instant submittedAt) {
        // Keyed by subject: every event about one leader's raters stays in order on one partition.
        return outbox.record(a.tenantId, TOPIC, a.subjectEmployeeId, type, a.id.toString(),
                new AssignmentEvent(a.id, a.cycleId, subject, rater, a.raterGroup, closesAt,
                        submittedAt));
    }

    public List<MyAssignment> mine(String tenant, String rater) {
        return assignments.openFor(tenant, rater);
    }

    /** Counts per subject and group; subjects without any assignment are listed with zeros. */
    public CycleProgress progress(String tenant, UUID cycleId, CycleState state, Collection<String> subjectIds) {
        Map<String, List<AssignmentRepository.GroupCount>> bySubject = new LinkedHashMap<>();
        subjectIds.stream().sorted().forEach(s -> bySubject.put(s, new ArrayList<>()));
        Map<String, String> names = new HashMap<>();
        people.findByEmployeeIds(tenant, subjectIds).forEach((id, p) -> names.put(id, p.name));
        for (AssignmentRepository.GroupCount c : assignments.countsOf(tenant, cycleId)) {
            bySubject.computeIfAbsent(c.subjectEmployeeId(), s -> new ArrayList<>()).add(c);
        }
        List<CycleProgress.Subject> subjects = new ArrayList<>();
        long total = 0;
        long submitted = 0;
        for (Map.Entry<String, List<AssignmentRepository.GroupCount>> e : bySubject.entrySet()) {
            Map<RaterGroup, CycleProgress.Counts> groups = new EnumMap<>(RaterGroup.class);
            long subjectTotal = 0;
            long subjectSubmitted = 0;
            for (AssignmentRepository.GroupCount c : e.getValue()) {
                groups.put(c.group(), new CycleProgress.Counts(c.assignments(), c.submitted()));
                subjectTotal += c.assignments();
                subjectSubmitted += c.submitted();
            }
            subjects.add(new CycleProgress.Subject(e.getKey(), names.get(e.getKey()), subjectTotal, subjectSubmitted, groups));
            total += subjectTotal;
            submitted += subjectSubmitted;
        }
        return new CycleProgress(cycleId, state, total, submitted, subjects);
    }
}
