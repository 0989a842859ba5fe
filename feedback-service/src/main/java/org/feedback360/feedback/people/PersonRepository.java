package org.feedback360.feedback.people;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Every method takes the tenant: there is no way to read the directory across tenants. */
@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** Ids bound in one IN list (see inSlices). */
    private static final int IN_LIST_SLICE = 10_000;

    public Optional<Person> findByEmployeeId(String tenant, String employeeId) {
        return find("tenantId = ?1 and employeeId = ?2", tenant, employeeId).firstResultOptional();
    }

    public Map<String, Person> findByEmployeeIds(String tenant, Collection<String> employeeIds) {
        Map<String, Person> found = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return found;
        }
        inSlices(employeeIds, slice -> list("tenantId = ?1 and employeeId in ?2", tenant, slice)
                .forEach(p -> found.put(p.employeeId, p)));
        return found;
    }

    /**
     * The named people as events name them, read as rows rather than entities: a cycle's opening
     * names thousands, and managed entities would each be dirty-checked at every flush of it.
     */
    public Map<String, Contact> contactsOf(String tenant, Collection<String> employeeIds) {
        Map<String, Contact> found = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return found;
        }
        inSlices(employeeIds, slice -> getEntityManager().createQuery(
                        "select p.employeeId, p.name, p.email, p.locale from Person p "
                                + "where p.tenantId = :tenant and p.employeeId in :ids", Contact.class)
                .setParameter("tenant", tenant)
                .setParameter("ids", slice)
                .getResultList()
                .forEach(c -> found.put(c.employeeId(), c)));
        return found;
    }

    /**
     * Runs a query per slice of the ids: an IN list binds one parameter per id (padded to the next
     * power of two, so that statements repeat), and PostgreSQL's protocol takes at most 65,535 a
     * statement, fewer than a large enterprise's people (a cycle's opening names everyone who rates
     * or is rated). 10,000 ids pad to 16,384.
     */
    private static void inSlices(Collection<String> employeeIds, Consumer<List<String>> query) {
        List<String> ids = new ArrayList<>(employeeIds);
        for (int from = 0; from < ids.size(); from += IN_LIST_SLICE) {
            query.accept(ids.subList(from, Math.min(from + IN_LIST_SLICE, ids.size())));
        }
    }

    public PanacheQuery<Person> page(String tenant, String managerId, Boolean active, int page, int size) {
        StringBuilder q = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        if (managerId != null) {
            q.append(" and managerEmployeeId = :manager");
            params.put("manager", managerId);
        }
        if (active != null) {
            q.append(" and active = :active");
            params.put("active", active);
        }
        return find(q.toString(), Sort.by("employeeId"), params).page(Page.of(page, size));
    }

    /** The tenant's whole org chart and e-mail owners, as light rows rather than entities. */
    public List<ChartRow> chart(String tenant) {
        return getEntityManager().createQuery(
                        "select p.employeeId, p.managerEmployeeId, lower(p.email), p.active "
                                + "from Person p where p.tenantId = :tenant", ChartRow.class)
                .setParameter("tenant", tenant)
                .getResultList();
    }

    /**
     * Serialises directory writes of one tenant (across replicas too): two imports that
     * each add half of a manager loop must not both pass the loop check.
     */
    public void lockDirectory(String tenant) {
        getEntityManager()
                .createNativeQuery("SELECT CAST(pg_advisory_xact_lock(360, hashtext(?1)) AS text)")
                .setParameter(1, tenant)
                .getSingleResult();
    }

    public record ChartRow(String employeeId, String managerEmployeeId, String email, boolean active) {
    }
}
