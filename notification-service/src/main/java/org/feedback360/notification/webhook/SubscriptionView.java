package org.feedback360.notification.webhook;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it: never the secret. */
public record SubscriptionView(UUID id, String url, String description, List<String> eventTypes, String status,
                               String disabledReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static SubscriptionView of(WebhookSubscription s) {
        return new SubscriptionView(s.id, s.url, s.description, Arrays.asList(s.eventTypes), s.status.name(),
                s.disabledReason, s.createdAt, s.updatedAt);
    }

    /** The answer to a creation: the only time the signing secret is shown. */
    public record Created(UUID id, String url, String description, List<String> eventTypes, String status,
                          OffsetDateTime createdAt, String secret) {
    }

    /** The answer to a rotation: the new secret, shown this once, and until when the old one still signs. */
    public record Rotated(UUID id, String secret, OffsetDateTime previousSecretValidUntil) {
    }

    public record Page(List<SubscriptionView> items, int page, int size, long total) {
    }
}
