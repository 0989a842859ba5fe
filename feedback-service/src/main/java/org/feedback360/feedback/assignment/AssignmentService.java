package org.feedback360.feedback.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.feedback.instrument.RaterGroup;
import org.feedback360.feedback.outbox.Outbox;
import org.feedback360.feedback.people.PersonRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AssignmentService {

    public static final String TOPIC = "feedback.assignments";

    @Inject
    AssignmentRepository assignments;

    @Inject
    PersonRepository people;

    @Inject
    Outbox outbox;

    /** The {@code data} of AssignmentCreated on {@code feedback.assignments}, keyed by subject. */
    public record AssignmentCreated(UUID assignmentId, UUID cycleId, String subject, String rater, RaterGroup group,
                                    Instant closesAt) {
    }

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
        for (AssignmentPlanner.Planned p : plan) {
            Assignment a = Assignment.of(tenant, cycleId, p, now);
            assignments.persist(a);
            outbox.record(tenant, TOPIC, p.subject(), "AssignmentCreated", a.id.toString(),
                    new AssignmentCreated(a.id, cycleId, p.subject(), p.rater(), p.group(), closesAt));
        }
        return plan.size();
    }

    public List<MyAssignment> mine(String tenant, String rater) {
        return assignments.openFor(tenant, rater);
    }
}
