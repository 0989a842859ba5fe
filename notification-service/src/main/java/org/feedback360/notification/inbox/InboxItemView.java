package org.feedback360.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a client sees of an inbox item (no tenant, no dedup key). */
public record InboxItemView(UUID id, String kind, String title, String body, String link,
                            OffsetDateTime createdAt, OffsetDateTime readAt) {

    static InboxItemView of(InboxItem item) {
        return new InboxItemView(item.id, item.kind, item.title, item.body, item.link, item.createdAt, item.readAt);
    }
}
