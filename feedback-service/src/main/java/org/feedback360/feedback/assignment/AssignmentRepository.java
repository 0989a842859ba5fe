package org.feedback360.feedback.assignment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.feedback360.feedback.instrument.RaterGroup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public List<Assignment> ofCycle(String tenant, UUID cycleId) {
        return list("tenantId = ?1 and cycleId = ?2 order by subjectEmployeeId, raterGroup, raterEmployeeId",
                tenant, cycleId);
    }

    /** Assignments and submissions of a cycle, per subject (with name) and rater group. */
    public List<GroupCount> countsOf(String tenant, UUID cycleId) {
        return getEntityManager().createQuery(
                        "select a.subjectEmployeeId, s.name, a.raterGroup, count(a), count(r.submittedAt) "
                                + "from Assignment a join Person s on s.tenantId = a.tenantId and s.employeeId = a.subjectEmployeeId "
                                + "left join RaterResponse r on r.assignmentId = a.id "
                                + "where a.tenantId = :tenant and a.cycleId = :cycle and a.cancelledAt is null "
                                + "group by a.subjectEmployeeId, s.name, a.raterGroup "
                                + "order by a.subjectEmployeeId, a.raterGroup", GroupCount.class)
                .setParameter("tenant", tenant)
                .setParameter("cycle", cycleId)
                .getResultList();
    }

    public record GroupCount(String subjectEmployeeId, String subjectName, RaterGroup group, long assignments,
                             long submitted) {
    }

    public Optional<Assignment> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    /** The rater's assignments in open cycles that they have not submitted, with the cycle's closing time. */
    List<Object[]> unsubmittedInOpenCycles(String tenant, String rater) {
        return getEntityManager().createQuery(
                        "select a, c.closesAt from Assignment a, Cycle c "
                                + "where c.id = a.cycleId and c.tenantId = a.tenantId and a.tenantId = :tenant "
                                + "and a.raterEmployeeId = :rater and a.cancelledAt is null "
                                + "and c.state = org.feedback360.feedback.cycle.CycleState.OPEN "
                                + "and not exists (select 1 from RaterResponse r where r.assignmentId = a.id and r.revision > 0)",
                        Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("rater", rater)
                .getResultList();
    }

    public boolean exists(UUID cycleId, String subject, String rater) {
        return count("cycleId = ?1 and subjectEmployeeId = ?2 and raterEmployeeId = ?3", cycleId, subject, rater) > 0;
    }

    /** The rater's assignments in cycles that are open, with what a rater needs to see. */
    public List<MyAssignment> openFor(String tenant, String rater) {
        return getEntityManager().createQuery(
                        "select a.id, c.id, c.name, a.subjectEmployeeId, s.name, a.raterGroup, i.key, i.version, c.closesAt "
                                + "from Assignment a, Cycle c, Person s, Instrument i "
                                + "where c.id = a.cycleId and c.tenantId = a.tenantId and i = c.instrument "
                                + "and s.tenantId = a.tenantId and s.employeeId = a.subjectEmployeeId "
                                + "and a.tenantId = :tenant and a.raterEmployeeId = :rater and a.cancelledAt is null "
                                + "and c.state = org.feedback360.feedback.cycle.CycleState.OPEN "
                                + "order by c.closesAt, a.subjectEmployeeId", MyAssignment.class)
                .setParameter("tenant", tenant)
                .setParameter("rater", rater)
                .getResultList();
    }
}
