package org.feedback360.notification.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The mail outbox worker ({@code notification.mail.*}); SMTP itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "notification.mail")
public interface MailConfig {

    /** Send attempts of one mail before it is marked FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Mails claimed at once. */
    @WithDefault("20")
    int batchSize();

    /** How often the worker looks for due mail (read by the scheduler). */
    @WithDefault("2s")
    String poll();

    /** The longest one SMTP send may take ({@code quarkus.mailer.timeout} is set from it). */
    @WithDefault("30s")
    Duration sendTimeout();

    /**
     * How long a claimed mail belongs to its worker. A worker sends a claimed mail only while the
     * lease outlasts the longest send, so no other worker can claim a mail that is still going out.
     */
    @WithDefault("5m")
    Duration lease();
}
