package org.feedback360.scoring.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.support.problem.ProblemException;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;

import java.util.function.Predicate;

/**
 * Who may read whose results: a subject their own, HR any subject of its tenant, in a followership
 * review (self versus manager) also the follower's manager; nobody another tenant's (every query
 * filters by the token's tenant). What a caller may not read answers 404 like what does not
 * exist, so that a response never tells whether a report exists.
 */
@RequestScoped
public class ReportAccess {

    @Inject
    Caller caller;

    public String tenant() {
        return caller.tenant();
    }

    public boolean isHr() {
        return caller.hasRole(Roles.HR_ADMIN);
    }

    /** Throws 404 unless the caller may read the subject's results (HR or the subject). */
    public void requireReadable(String subjectId) {
        if (!isHr() && !caller.employeeId().equals(subjectId)) {
            throw notFound();
        }
    }

    /** Whether the caller may read the subject's report in the cycle: HR, the subject, or a followership subject's manager. */
    public Predicate<Cycle> reportReader(String subjectId) {
        if (isHr() || caller.employeeId().equals(subjectId)) {
            return cycle -> true;
        }
        String employee = caller.employeeId();
        return cycle -> cycle.isManagerReader(subjectId, employee);
    }

    /**
     * Whether the caller sees the subject's own item ratings and comments: the subject, and HR. A
     * followership subject's manager reads the report for the dimension-level comparison only.
     */
    public boolean seesSubjectsOwnRatings(String subjectId) {
        return isHr() || caller.employeeId().equals(subjectId);
    }

    /** The employee whose reports a non-HR caller may list: their own; null for HR (any). */
    public String ownSubjectUnlessHr() {
        return isHr() ? null : caller.employeeId();
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("The report");
    }
}
