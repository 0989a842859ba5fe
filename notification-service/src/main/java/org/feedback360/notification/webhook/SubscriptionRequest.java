package org.feedback360.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new subscription.
 *
 * @param url        where events are POSTed: https (http only where the deployment allows it)
 * @param eventTypes names from {@link EventType}, e.g. {@code cycle.closed}
 * @param secret     optional signing secret {@code whsec_<base64 of 24..64 bytes>}; generated when absent
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2048) String url,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank String> eventTypes,
        @Pattern(regexp = SigningSecret.PATTERN, message = "must be whsec_ followed by the base64 of 24 to 64 random bytes")
        String secret,
        @Size(max = 200) String description) {
}
