package org.feedback360.feedback.cycle;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CycleRepository implements PanacheRepositoryBase<Cycle, UUID> {

    public Optional<Cycle> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    /**
     * The cycle with a shared lock for this transaction: answers and new raters can be added
     * concurrently, but not while HR's close (which takes the write lock) is in progress, so
     * nothing slips in after a close and the close's completion figures are exact.
     */
    public Optional<Cycle> findInTenantForShare(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    public PanacheQuery<Cycle> page(String tenant, CycleState state, int page, int size) {
        return (state == null
                ? find("tenantId = ?1", Sort.by("createdAt", Sort.Direction.Descending), tenant)
                : find("tenantId = ?1 and state = ?2", Sort.by("createdAt", Sort.Direction.Descending), tenant, state))
                .page(Page.of(page, size));
    }
}
