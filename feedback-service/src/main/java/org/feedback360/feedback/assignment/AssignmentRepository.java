package org.feedback360.feedback.assignment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public List<Assignment> ofCycle(String tenant, UUID cycleId) {
        return list("tenantId = ?1 and cycleId = ?2 order by subjectEmployeeId, raterGroup, raterEmployeeId",
                tenant, cycleId);
    }

    /** The rater's assignments in cycles that are open, with what a rater needs to see. */
    public List<MyAssignment> openFor(String tenant, String rater) {
        return getEntityManager().createQuery(
                        "select a.id, c.id, c.name, a.subjectEmployeeId, s.name, a.raterGroup, i.key, i.version, c.closesAt "
                                + "from Assignment a, Cycle c, Person s, Instrument i "
                                + "where c.id = a.cycleId and c.tenantId = a.tenantId and i = c.instrument "
                                + "and s.tenantId = a.tenantId and s.employeeId = a.subjectEmployeeId "
                                + "and a.tenantId = :tenant and a.raterEmployeeId = :rater "
                                + "and c.state = org.feedback360.feedback.cycle.CycleState.OPEN "
                                + "order by c.closesAt, a.subjectEmployeeId", MyAssignment.class)
                .setParameter("tenant", tenant)
                .setParameter("rater", rater)
                .getResultList();
    }
}
