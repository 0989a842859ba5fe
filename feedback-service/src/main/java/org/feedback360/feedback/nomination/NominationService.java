package org.feedback360.feedback.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.feedback.assignment.Assignment;
import org.feedback360.feedback.assignment.AssignmentRepository;
import org.feedback360.feedback.assignment.AssignmentService;
import org.feedback360.feedback.cycle.Cycle;
import org.feedback360.feedback.cycle.CycleRepository;
import org.feedback360.feedback.cycle.CycleState;
import org.feedback360.feedback.instrument.InstrumentService;
import org.feedback360.feedback.instrument.RaterGroup;
import org.feedback360.feedback.people.Person;
import org.feedback360.feedback.people.PersonRepository;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Peer nominations: a subject of an open cycle names colleagues who should rate them; the
 * subject's manager (as the directory says now) approves or rejects each. Approval adds a
 * PEER assignment, announced like every other. The chart's own peers are assigned already
 * when the cycle opens; nominations are for the people the chart does not see.
 */
@ApplicationScoped
public class NominationService {

    @Inject
    NominationRepository nominations;

    @Inject
    CycleRepository cycles;

    @Inject
    PersonRepository people;

    @Inject
    AssignmentRepository assignmentRows;

    @Inject
    AssignmentService assignments;

    @Inject
    InstrumentService instruments;

    public record FieldError(String field, String message) {
    }

    @Transactional
    public NominationView nominate(String tenant, String caller, UUID cycleId, NominationRequest request) {
        Cycle c = cycles.findInTenantForShare(tenant, cycleId)
                .filter(cycle -> cycle.isSubject(caller))
                .orElseThrow(() -> cycleNotFound(cycleId));
        requireOpen(c);
        if (!instruments.definitionOf(c.instrument).raterGroups().contains(RaterGroup.PEER)) {
            throw ProblemException.conflict("no-peer-group",
                    "Instrument " + c.instrument.ref() + " is not rated by peers, so peers cannot be nominated");
        }
        String peerId = request.peerEmployeeId().strip();
        if (peerId.equals(caller)) {
            throw invalid("peerEmployeeId", "you cannot nominate yourself");
        }
        Person peer = people.findByEmployeeId(tenant, peerId).orElseThrow(() ->
                invalid("peerEmployeeId", "no person with employee id '" + peerId + "'"));
        if (!peer.active) {
            throw invalid("peerEmployeeId", "'" + peerId + "' has been deactivated");
        }
        Person subject = people.findByEmployeeId(tenant, caller).orElseThrow(() -> cycleNotFound(cycleId));
        if (approver(tenant, subject) == null) {
            throw ProblemException.conflict("no-approver",
                    "You have no active manager in the directory to approve a nomination; ask HR");
        }
        if (assignmentRows.exists(cycleId, caller, peerId)) {
            throw ProblemException.conflict("already-assigned", "'" + peerId + "' already rates you in this cycle");
        }
        if (nominations.exists(cycleId, caller, peerId)) {
            throw ProblemException.conflict("already-nominated", "You have already nominated '" + peerId + "' in this cycle");
        }
        Nomination n = Nomination.of(tenant, cycleId, caller, peerId, Instant.now());
        nominations.persist(n);
        return NominationView.of(n, peer.name);
    }

    /**
     * HR sees every nomination of the cycle; anyone else sees their own (as subject) and
     * those they are to decide (as the subject's manager). Others do not see the cycle at all.
     */
    @Transactional
    public List<NominationView> list(String tenant, String caller, boolean hr, UUID cycleId) {
        Cycle c = cycles.findInTenant(tenant, cycleId).orElseThrow(() -> cycleNotFound(cycleId));
        List<Nomination> found;
        if (hr) {
            found = nominations.ofCycle(tenant, cycleId);
        } else {
            Set<String> visible = new HashSet<>();
            Map<String, Person> subjects = people.findByEmployeeIds(tenant, c.subjectIds());
            subjects.values().forEach(s -> {
                if (s.employeeId.equals(caller) || caller.equals(s.managerEmployeeId)) {
                    visible.add(s.employeeId);
                }
            });
            if (visible.isEmpty()) {
                throw cycleNotFound(cycleId);
            }
            found = nominations.ofSubjects(tenant, cycleId, visible);
        }
        Set<String> peerIds = new HashSet<>();
        found.forEach(n -> peerIds.add(n.peerEmployeeId));
        Map<String, Person> peers = people.findByEmployeeIds(tenant, peerIds);
        List<NominationView> views = new ArrayList<>();
        found.forEach(n -> views.add(NominationView.of(n, peers.containsKey(n.peerEmployeeId) ? peers.get(n.peerEmployeeId).name : null)));
        return views;
    }

    @Transactional
    public NominationView approve(String tenant, String caller, UUID cycleId, UUID nominationId) {
        Decision d = decision(tenant, caller, cycleId, nominationId);
        Person peer = people.findByEmployeeId(tenant, d.nomination.peerEmployeeId).orElseThrow();
        if (!peer.active) {
            throw ProblemException.conflict("peer-deactivated",
                    "'" + peer.employeeId + "' has been deactivated since the nomination; reject it instead");
        }
        if (assignmentRows.exists(cycleId, d.subject.employeeId, peer.employeeId)) {
            throw ProblemException.conflict("already-assigned",
                    "'" + peer.employeeId + "' already rates '" + d.subject.employeeId + "' in this cycle; reject the nomination");
        }
        Instant now = Instant.now();
        Assignment a = assignments.add(tenant, cycleId, d.subject, peer, RaterGroup.PEER, d.cycle.closesAt);
        d.nomination.approve(caller, a.id, now);
        return NominationView.of(d.nomination, peer.name);
    }

    @Transactional
    public NominationView reject(String tenant, String caller, UUID cycleId, UUID nominationId) {
        Decision d = decision(tenant, caller, cycleId, nominationId);
        d.nomination.reject(caller, Instant.now());
        return NominationView.of(d.nomination,
                people.findByEmployeeId(tenant, d.nomination.peerEmployeeId).map(p -> p.name).orElse(null));
    }

    private record Decision(Cycle cycle, Nomination nomination, Person subject) {
    }

    /** Only the subject's current manager decides; to anyone else the nomination does not exist. */
    private Decision decision(String tenant, String caller, UUID cycleId, UUID nominationId) {
        Cycle c = cycles.findInTenantForShare(tenant, cycleId).orElseThrow(() -> cycleNotFound(cycleId));
        Nomination n = nominations.findForUpdate(tenant, cycleId, nominationId)
                .orElseThrow(() -> ProblemException.notFound("Nomination " + nominationId));
        Person subject = people.findByEmployeeId(tenant, n.subjectEmployeeId).orElseThrow();
        Person approver = approver(tenant, subject);
        if (approver == null || !approver.employeeId.equals(caller)) {
            throw ProblemException.notFound("Nomination " + nominationId);
        }
        requireOpen(c);
        if (n.state != Nomination.State.PENDING) {
            throw new ProblemException(Problem.of(409, "nomination-decided", "Conflict",
                    "The nomination was already " + n.state.name().toLowerCase() + " by " + n.decidedBy).with("state", n.state));
        }
        return new Decision(c, n, subject);
    }

    private Person approver(String tenant, Person subject) {
        if (subject.managerEmployeeId == null) {
            return null;
        }
        return people.findByEmployeeId(tenant, subject.managerEmployeeId).filter(m -> m.active).orElse(null);
    }

    private static void requireOpen(Cycle c) {
        if (c.state != CycleState.OPEN) {
            throw new ProblemException(Problem.of(409, "cycle-not-open", "Conflict",
                    "The cycle is " + c.state + "; peers can be nominated and approved only while it is OPEN")
                    .with("state", c.state));
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(422, "invalid-nomination", "Unprocessable Content",
                "The nomination cannot be made: " + message).with("errors", List.of(new FieldError(field, message))));
    }

    private static ProblemException cycleNotFound(UUID id) {
        return ProblemException.notFound("Cycle " + id);
    }
}
