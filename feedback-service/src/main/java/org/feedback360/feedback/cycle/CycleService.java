package org.feedback360.feedback.cycle;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedback360.feedback.assignment.AssignmentService;
import org.feedback360.feedback.assignment.CycleProgress;
import org.feedback360.feedback.instrument.InstrumentDefinition;
import org.feedback360.feedback.people.Contact;
import org.feedback360.feedback.instrument.Instrument;
import org.feedback360.feedback.instrument.InstrumentService;
import org.feedback360.feedback.people.Person;
import org.feedback360.feedback.people.PersonRepository;
import org.feedback360.feedback.response.ResponseRepository;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CycleService {

    @Inject
    CycleRepository cycles;

    @Inject
    PersonRepository people;

    @Inject
    InstrumentService instruments;

    @Inject
    Outbox outbox;

    @Inject
    AssignmentService assignments;

    @Inject
    ResponseRepository responses;

    public record FieldError(String field, String message) {
    }

    /**
     * The HR caller as a contact for cycle events: from the directory if they are in it,
     * else from their token's standard claims (HR staff need not be under review themselves).
     * Keycloak user names are e-mail addresses, hence the fallback to {@code preferred_username}.
     */
    public Contact ownerFor(String tenant, String employeeId, JsonWebToken token) {
        return people.findByEmployeeId(tenant, employeeId).map(Contact::of).orElseGet(() -> {
            String username = token.getClaim("preferred_username");
            String email = firstNonBlank(token.getClaim("email"), username != null && username.contains("@") ? username : null, "");
            return new Contact(employeeId, firstNonBlank(token.getClaim("name"), username, employeeId), email,
                    firstNonBlank(token.getClaim("locale"), InstrumentDefinition.DEFAULT_LOCALE));
        });
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Transactional
    public CycleResponse create(String tenant, Contact owner, CycleRequest request) {
        Cycle c = Cycle.draft(tenant, owner, Instant.now());
        define(tenant, c, request);
        cycles.persist(c);
        return CycleResponse.of(c);
    }

    /** Only a draft may be redefined: once open, raters have been asked on these terms. */
    @Transactional
    public CycleResponse update(String tenant, UUID id, CycleRequest request) {
        Cycle c = lockedCycle(tenant, id);
        if (c.state != CycleState.DRAFT) {
            throw new ProblemException(Problem.of(409, "cycle-not-draft", "Conflict",
                            "The cycle is " + c.state + "; only a DRAFT cycle can be changed")
                    .with("state", c.state));
        }
        define(tenant, c, request);
        return CycleResponse.of(c);
    }

    public CycleResponse get(String tenant, UUID id) {
        return CycleResponse.of(cycles.findInTenant(tenant, id).orElseThrow(() -> notFound(id)));
    }

    public CycleResponse.Page list(String tenant, CycleState state, int page, int size) {
        PanacheQuery<Cycle> q = cycles.page(tenant, state, page, size);
        return new CycleResponse.Page(q.list().stream().map(CycleResponse::of).toList(), page, size, q.count());
    }

    /**
     * Runs one command. The state change and its event are stored in one transaction, so
     * consumers hear of every transition exactly as it happened.
     */
    @Transactional
    public CycleResponse command(String tenant, UUID id, CycleCommand command) {
        Cycle c = lockedCycle(tenant, id);
        Instant now = Instant.now();
        try {
            CycleStateMachine.next(c.state, command);
        } catch (CycleStateMachine.IllegalTransition e) {
            List<String> allowed = e.allowed.stream().sorted().map(CycleCommand::path).toList();
            throw new ProblemException(Problem.of(409, "illegal-transition", "Conflict",
                            "A cycle that is " + e.state + " cannot be told to " + command.path()
                                    + (allowed.isEmpty() ? "; it accepts no further commands"
                                    : "; it accepts: " + String.join(", ", allowed)))
                    .with("state", e.state)
                    .with("command", command.path())
                    .with("allowedCommands", allowed));
        }
        if (command == CycleCommand.OPEN) {
            List<String> reasons = c.reasonsNotToOpen(now);
            reasons.addAll(inactiveSubjects(tenant, c.subjectIds()));
            if (!reasons.isEmpty()) {
                throw new ProblemException(Problem.of(409, "cycle-not-ready", "Conflict",
                                "The cycle cannot open: " + String.join("; ", reasons))
                        .with("state", c.state)
                        .with("reasons", reasons));
            }
        }
        c.apply(command, now);
        if (command == CycleCommand.OPEN) {
            // Raters are fixed from the chart as it is at opening; later directory changes do not move them.
            assignments.generate(tenant, c.id, c.subjectIds(), instruments.definitionOf(c.instrument).raterGroups(),
                    c.closesAt);
        }
        outbox.record(tenant, CycleEvent.TOPIC, c.id.toString(), CycleEvent.type(command), c.id.toString(),
                event(c, command == CycleCommand.OPEN ? null : progress(c)));
        return CycleResponse.of(c);
    }

    /** Counts of assignments and submissions per subject and group; never answers. */
    public CycleProgress progress(String tenant, UUID id) {
        return progress(cycles.findInTenant(tenant, id).orElseThrow(() -> notFound(id)));
    }

    private CycleProgress progress(Cycle c) {
        return assignments.progress(c.tenantId, c.id, c.state, c.subjectIds());
    }

    private CycleEvent event(Cycle c, CycleProgress progress) {
        Map<String, Person> found = people.findByEmployeeIds(c.tenantId, c.subjectIds());
        List<CycleEvent.Subject> subjects = c.subjectIds().stream().map(found::get).map(CycleEvent.Subject::of).toList();
        return CycleEvent.of(c, instruments.definitionOf(c.instrument), subjects, progress,
                progress == null ? Map.of() : responses.revisionsBySubject(c.tenantId, c.id));
    }

    private List<String> inactiveSubjects(String tenant, List<String> subjectIds) {
        Map<String, Person> found = people.findByEmployeeIds(tenant, subjectIds);
        return subjectIds.stream().filter(s -> found.containsKey(s) && !found.get(s).active)
                .map(s -> "subject '" + s + "' has been deactivated").toList();
    }

    private void define(String tenant, Cycle c, CycleRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (!r.closesAt().isAfter(r.opensAt())) {
            errors.add(new FieldError("closesAt", "must be after opensAt"));
        }
        Set<String> subjects = new LinkedHashSet<>(r.subjects() == null ? List.of() : r.subjects().stream().map(String::strip).toList());
        Map<String, Person> found = people.findByEmployeeIds(tenant, subjects);
        for (String s : subjects) {
            Person p = found.get(s);
            if (p == null) {
                errors.add(new FieldError("subjects", "no person with employee id '" + s + "'"));
            } else if (!p.active) {
                errors.add(new FieldError("subjects", "'" + s + "' is deactivated"));
            }
        }
        List<String> reminders = reminders(r, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(422, "invalid-cycle", "Unprocessable Content",
                    "The cycle cannot be saved as given").with("errors", errors));
        }
        Instrument instrument = instruments.useForCycle(tenant, r.instrument().key(), r.instrument().version());
        c.define(r.name().strip(), instrument, subjects, r.opensAt(), r.closesAt(),
                r.anonymityThreshold() == null ? CycleRequest.DEFAULT_ANONYMITY_THRESHOLD : r.anonymityThreshold(),
                r.managerVisible() == null || r.managerVisible(), reminders);
    }

    /** Reminders as normalised ISO-8601 durations, earliest reminder (longest before close) first. */
    private static List<String> reminders(CycleRequest r, List<FieldError> errors) {
        if (r.reminders() == null) {
            return List.of();
        }
        Duration window = Duration.between(r.opensAt(), r.closesAt());
        Set<Duration> durations = new LinkedHashSet<>();
        for (String text : r.reminders()) {
            try {
                Duration d = Duration.parse(text.strip());
                if (d.isNegative() || d.isZero()) {
                    errors.add(new FieldError("reminders", "'" + text + "' must be a positive duration before closing"));
                } else if (d.compareTo(window) >= 0) {
                    errors.add(new FieldError("reminders", "'" + text + "' falls before the cycle opens"));
                } else if (!durations.add(d)) {
                    errors.add(new FieldError("reminders", "'" + text + "' is given twice"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("reminders", "'" + text + "' is not an ISO-8601 duration such as P7D or PT12H"));
            }
        }
        return durations.stream().sorted(Comparator.reverseOrder()).map(Duration::toString).toList();
    }

    private Cycle lockedCycle(String tenant, UUID id) {
        return cycles.find("tenantId = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Cycle " + id);
    }
}
