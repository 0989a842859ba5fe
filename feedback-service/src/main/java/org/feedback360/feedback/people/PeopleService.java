package org.feedback360.feedback.people;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.feedback360.feedback.assignment.AssignmentService;
import org.feedback360.feedback.people.provisioning.ProvisioningTask;
import org.feedback360.feedback.people.provisioning.ProvisioningTaskRepository;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The directory's write rules, shared by the single upsert and the bulk import: every
 * write is an all-or-nothing upsert of some rows, checked as a whole against the tenant's
 * chart (managers exist, e-mails unique, no manager loop) before anything is stored.
 */
@ApplicationScoped
public class PeopleService {

    public static final int MAX_IMPORT_ROWS = 10_000;

    @Inject
    PersonRepository people;

    @Inject
    ProvisioningTaskRepository provisioning;

    @Inject
    Validator validator;

    @Inject
    AssignmentService assignments;

    /** A row as received: its position, and any error found while reading it (CSV cells). */
    record IncomingRow(int row, Integer line, PersonImportRow data, List<RowError> readErrors) {
    }

    public record Upserted(PersonResponse person, boolean created) {
    }

    @Transactional
    public Upserted upsert(String tenant, String employeeId, PersonRequest request) {
        PersonDetails details = request.toDetails(employeeId);
        Check check = checkAndLock(tenant, List.of(new Numbered(null, null, details)));
        if (!check.errors().isEmpty()) {
            throw new ProblemException(Problem.of(422, "invalid-person", "Unprocessable Content",
                    "The person cannot be saved as given").with("errors", check.errors()));
        }
        if (!check.loops().isEmpty()) {
            throw new ProblemException(Problem.of(422, "manager-loop", "Unprocessable Content",
                            "Saving this person would form a manager loop: " + OrgChart.describe(check.loops().get(0)))
                    .with("loops", check.loops()));
        }
        Person existing = people.findByEmployeeId(tenant, employeeId).orElse(null);
        Person saved = store(tenant, details, existing, Instant.now());
        return new Upserted(PersonResponse.of(saved), existing == null);
    }

    @Transactional
    public ImportResult importRows(String tenant, List<IncomingRow> rows) {
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("empty-import", "The import contains no rows");
        }
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw ProblemException.badRequest("import-too-large",
                    "An import may contain at most " + MAX_IMPORT_ROWS + " rows; split it into several");
        }
        List<RowError> errors = new ArrayList<>();
        List<Numbered> valid = new ArrayList<>();
        for (IncomingRow r : rows) {
            List<RowError> rowErrors = new ArrayList<>(r.readErrors());
            for (ConstraintViolation<PersonImportRow> v : validator.validate(r.data())) {
                rowErrors.add(new RowError(r.row(), r.line(), r.data().employeeId(),
                        v.getPropertyPath().toString(), v.getMessage()));
            }
            if (rowErrors.isEmpty()) {
                valid.add(new Numbered(r.row(), r.line(), r.data().toDetails()));
            }
            errors.addAll(rowErrors);
        }
        errors.addAll(duplicatesWithinBatch(valid));
        List<List<String>> loops = List.of();
        if (errors.isEmpty()) {
            Check check = checkAndLock(tenant, valid);
            errors.addAll(check.errors());
            loops = check.loops();
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(RowError::row));
            throw new ProblemException(Problem.of(422, "import-rejected", "Unprocessable Content",
                            errors.size() + " problem(s) in the import; nothing was saved")
                    .with("errors", errors));
        }
        if (!loops.isEmpty()) {
            throw new ProblemException(Problem.of(422, "manager-loop", "Unprocessable Content",
                            "The import would form " + loops.size() + " manager loop(s); nothing was saved")
                    .with("loops", loops)
                    .with("errors", loopErrors(valid, loops)));
        }
        Map<String, Person> existing = people.findByEmployeeIds(tenant,
                valid.stream().map(n -> n.details().employeeId()).toList());
        Instant now = Instant.now();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Numbered n : valid) {
            Person before = existing.get(n.details().employeeId());
            Instant updatedAt = before == null ? null : before.updatedAt;
            Person after = store(tenant, n.details(), before, now);
            if (before == null) {
                created++;
            } else if (after.updatedAt.equals(updatedAt)) {
                unchanged++;
            } else {
                updated++;
            }
        }
        return new ImportResult(rows.size(), created, updated, unchanged);
    }

    @Transactional
    public PersonResponse deactivate(String tenant, String employeeId) {
        people.lockDirectory(tenant);
        Person p = people.findByEmployeeId(tenant, employeeId)
                .orElseThrow(() -> ProblemException.notFound("Person " + employeeId));
        if (p.deactivate(Instant.now()) == Person.Change.IDENTITY) {
            enqueueProvisioning(p, Instant.now());
        }
        return PersonResponse.of(p);
    }

    public PersonResponse get(String tenant, String employeeId) {
        return people.findByEmployeeId(tenant, employeeId).map(PersonResponse::of)
                .orElseThrow(() -> ProblemException.notFound("Person " + employeeId));
    }

    public PersonPage list(String tenant, String managerId, Boolean active, int page, int size) {
        PanacheQuery<Person> query = people.page(tenant, managerId, active, page, size);
        return new PersonPage(query.list().stream().map(PersonResponse::of).toList(), page, size, query.count());
    }

    private record Numbered(Integer row, Integer line, PersonDetails details) {
    }

    private Person store(String tenant, PersonDetails details, Person existing, Instant now) {
        if (existing == null) {
            Person p = Person.create(tenant, details, now);
            people.persist(p);
            enqueueProvisioning(p, now);
            return p;
        }
        if (existing.apply(details, now) == Person.Change.IDENTITY) {
            enqueueProvisioning(existing, now);
        }
        return existing;
    }

    private void enqueueProvisioning(Person p, Instant now) {
        ProvisioningTask.Action action = p.active ? ProvisioningTask.Action.UPSERT : ProvisioningTask.Action.DISABLE;
        provisioning.persist(ProvisioningTask.of(p.tenantId, p.employeeId, action, p.email, p.name, p.locale, now));
        if (!p.active) {
            // Someone who left is not asked, or reminded, any more.
            assignments.cancelOpenOf(p.tenantId, p.employeeId);
        }
    }

    private static List<RowError> duplicatesWithinBatch(List<Numbered> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Numbered> byId = new HashMap<>();
        Map<String, Numbered> byEmail = new HashMap<>();
        for (Numbered n : rows) {
            Numbered sameId = byId.putIfAbsent(n.details().employeeId(), n);
            if (sameId != null) {
                errors.add(error(n, "employeeId", "appears again; first in row " + sameId.row()));
            }
            Numbered sameEmail = byEmail.putIfAbsent(n.details().email().toLowerCase(Locale.ROOT), n);
            if (sameEmail != null && sameId == null) {
                errors.add(error(n, "email", "is also used by row " + sameEmail.row()));
            }
        }
        return errors;
    }

    private record Check(List<RowError> errors, List<List<String>> loops) {
    }

    /**
     * Locks the tenant's directory, then checks the rows against the chart they would
     * produce: managers must exist, e-mails must stay unique, and no manager loop may form
     * (loops are only looked for once everything else is right).
     */
    private Check checkAndLock(String tenant, List<Numbered> rows) {
        people.lockDirectory(tenant);
        Map<String, String> managerOf = new HashMap<>();
        Map<String, String> emailOwner = new HashMap<>();
        Map<String, String> emailOf = new HashMap<>();
        for (PersonRepository.ChartRow c : people.chart(tenant)) {
            managerOf.put(c.employeeId(), c.managerEmployeeId());
            emailOwner.put(c.email(), c.employeeId());
            emailOf.put(c.employeeId(), c.email());
        }
        Map<String, Numbered> incoming = new LinkedHashMap<>();
        for (Numbered n : rows) {
            String id = n.details().employeeId();
            incoming.put(id, n);
            managerOf.put(id, n.details().managerEmployeeId());
            // The incoming rows win over what is stored: an e-mail someone gives up is free again.
            String previousEmail = emailOf.get(id);
            if (previousEmail != null) {
                emailOwner.remove(previousEmail, id);
            }
        }
        List<RowError> errors = new ArrayList<>();
        for (Numbered n : rows) {
            PersonDetails d = n.details();
            if (d.employeeId().equals(d.managerEmployeeId())) {
                errors.add(error(n, "managerEmployeeId", "a person cannot be their own manager"));
            } else if (d.managerEmployeeId() != null && !managerOf.containsKey(d.managerEmployeeId())) {
                errors.add(error(n, "managerEmployeeId", "no person with employee id '" + d.managerEmployeeId()
                        + "' exists or is part of this request"));
            }
            String owner = emailOwner.get(d.email().toLowerCase(Locale.ROOT));
            if (owner != null && !owner.equals(d.employeeId())) {
                errors.add(error(n, "email", "is already used by employee '" + owner + "'"));
            }
        }
        if (!errors.isEmpty()) {
            return new Check(errors, List.of());
        }
        return new Check(List.of(), new OrgChart(managerOf).loopsThrough(incoming.keySet()));
    }

    private static List<RowError> loopErrors(List<Numbered> rows, List<List<String>> loops) {
        Map<String, Numbered> byId = new HashMap<>();
        rows.forEach(n -> byId.put(n.details().employeeId(), n));
        List<RowError> errors = new ArrayList<>();
        for (List<String> loop : loops) {
            String description = OrgChart.describe(loop);
            loop.stream().map(byId::get).filter(n -> n != null).forEach(n ->
                    errors.add(error(n, "managerEmployeeId", "forms a manager loop: " + description)));
        }
        errors.sort(Comparator.comparing(RowError::row));
        return errors;
    }

    private static RowError error(Numbered n, String field, String message) {
        return new RowError(n.row(), n.line(), n.details().employeeId(), field, message);
    }

    public record PersonPage(List<PersonResponse> items, int page, int size, long total) {
    }
}
