package org.feedback360.notification.inbox;

import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.feedback360.support.problem.ProblemException;
import org.feedback360.support.security.Caller;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's own in-app inbox. Tenant and employee id come from the token only, so a person
 * never sees anyone else's items; someone else's item answers 404, as if it did not exist.
 */
@Path("/api/v1/me/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InboxResource {

    private static final String OWNER = "tenant = ?1 and employeeId = ?2";
    /** Unread before read, each newest first by when it arrived; the id makes pages never overlap. */
    private static final String NEWEST_UNREAD_FIRST =
            " order by case when readAt is null then 0 else 1 end, createdAt desc, id desc";

    @Inject
    Caller caller;

    public record InboxPage(List<InboxItemView> items, int page, int size, long total) {
    }

    @GET
    @Operation(summary = "My notifications, unread first, newest first, paged")
    public InboxPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = InboxItem.<InboxItem>find(OWNER + NEWEST_UNREAD_FIRST, caller.tenant(), caller.employeeId());
        List<InboxItemView> items = query.page(Page.of(page, size)).list().stream().map(InboxItemView::of).toList();
        return new InboxPage(items, page, size, query.count());
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", InboxItem.count(OWNER + " and readAt is null", caller.tenant(), caller.employeeId()));
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(summary = "Mark one of my notifications as read (idempotent)")
    public InboxItemView markRead(@PathParam("id") UUID id) {
        InboxItem item = InboxItem.<InboxItem>find("id = ?1 and tenant = ?2 and employeeId = ?3",
                id, caller.tenant(), caller.employeeId()).firstResult();
        if (item == null) {
            throw ProblemException.notFound("Inbox item");
        }
        if (item.readAt == null) {
            item.readAt = OffsetDateTime.now();
        }
        return InboxItemView.of(item);
    }
}
