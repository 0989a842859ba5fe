package org.feedback360.notification.webhook.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time below
 * min(max, initial * 2^(n-1)), so receivers that come back are not hit by every sender at once.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delayAfter(int attempt) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        ceiling = Math.min(max.toMillis(), ceiling);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
