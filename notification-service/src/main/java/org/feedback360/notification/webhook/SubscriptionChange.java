package org.feedback360.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A partial update: absent fields stay as they are.
 *
 * @param status {@code PAUSED} stops deliveries (events meanwhile are not queued), {@code ACTIVE}
 *               resumes them, also after the service disabled the subscription
 */
public record SubscriptionChange(
        @Size(min = 1, max = 2048) String url,
        @Size(min = 1, max = 10) List<@NotBlank String> eventTypes,
        @Pattern(regexp = "ACTIVE|PAUSED", message = "must be ACTIVE or PAUSED") String status,
        @Size(max = 200) String description) {
}
