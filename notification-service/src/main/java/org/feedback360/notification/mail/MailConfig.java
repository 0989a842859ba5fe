package org.feedback360.notification.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mail outbox worker ({@code notification.mail.*}); SMTP itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "notification.mail")
public interface MailConfig {

    /** Failed sends of one mail before it is marked FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Mails claimed per transaction. */
    @WithDefault("20")
    int batchSize();

    /** How often the worker looks for due mail (read by the scheduler). */
    @WithDefault("2s")
    String poll();
}
